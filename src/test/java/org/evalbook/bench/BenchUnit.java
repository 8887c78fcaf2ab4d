package org.evalbook.bench;

/**
 * A unit of the generated roster.
 *
 * @param code    单位代码, 7 digits with a leading zero (text)
 * @param profile the scoring profile its workbook is issued under
 */
record BenchUnit(String code, String name, String parentDept, String contact, String profile) {
    StampedTemplate.Unit identity() {
        return new StampedTemplate.Unit(code, name, parentDept);
    }

    String email() {
        return StampedTemplate.mail(identity());
    }

    /** The issued file name, {@code <单位代码>_<单位名称>_<年度>.xlsx}. */
    String fileName(int year) {
        return org.evalbook.template.FileNames.issued(code, name, year);
    }
}
