/**
 * The bureau's roster: the units it funds, read from xlsx or CSV ({@link org.evalbook.roster.Roster}), refused as a
 * whole, every problem listed by row, before anything is issued. Every stage that needs a unit's code, name, 主管部门,
 * contact or profile reads it here, without importing the template writer.
 */
package org.evalbook.roster;
