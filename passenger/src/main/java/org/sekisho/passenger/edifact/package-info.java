/**
 * UN/EDIFACT syntax (ISO 9735) as used by PAXLST and PNRGOV: service string advice (UNA), the
 * interchange envelope (UNB/UNG/UNH/UNT/UNE/UNZ), segment, element, component and repetition
 * separators and the release character. Pure Java, no I/O: text in, segments and warnings out.
 * Every warning carries the position of the segment it concerns.
 */
package org.sekisho.passenger.edifact;
