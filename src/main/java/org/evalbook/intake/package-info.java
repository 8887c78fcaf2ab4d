/**
 * Stage 3 — intake: read what units send back into {@link org.evalbook.framework.FieldValues}.
 *
 * <p>In this version: figures files ({@code test-workbooks/seed-figures/*.yaml}), a plain-text way to give a unit's
 * figures by field id, used by the bundled samples. Reading returned workbooks follows.
 */
package org.evalbook.intake;
