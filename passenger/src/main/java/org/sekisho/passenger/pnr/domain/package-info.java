/**
 * Passenger information received before travel: PNRGOV reservation records (PNR) and PAXLST advance
 * passenger information (API), as typed records, and the pure parsers that map EDIFACT segments
 * onto them. Strings are the codes the message gives (empty when absent); dates are {@code null}
 * when absent or unreadable (a warning then says why).
 */
package org.sekisho.passenger.pnr.domain;
