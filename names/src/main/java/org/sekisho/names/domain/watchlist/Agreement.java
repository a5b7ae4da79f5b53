package org.sekisho.names.domain.watchlist;

/** Whether a piece of corroborating data agrees between the traveller and the list entry. */
public enum Agreement {
  SAME,
  PARTIAL,
  DIFFERENT
}
