package org.sekisho.targeting.selectivity.domain;

/**
 * A criterion that hit and asks for a lane.
 *
 * @param criterionKey stable key of the criterion (its id), for the hit counters
 * @param lane the lane it asks for
 * @param samplePercent share of its hits (1–100) that are selected; 100 selects every hit
 */
public record LaneHit(String criterionKey, Lane lane, int samplePercent) {}
