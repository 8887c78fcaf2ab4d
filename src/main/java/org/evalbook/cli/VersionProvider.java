package org.evalbook.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or 开发版 (a development build) when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = EvalbookCommand.class.getPackage().getImplementationVersion();
        return new String[] {"evalbook " + (version == null ? "开发版" : version)};
    }
}
