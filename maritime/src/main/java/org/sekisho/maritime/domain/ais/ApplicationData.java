package org.sekisho.maritime.domain.ais;

import java.util.List;

/**
 * Decoded contents of a binary message (type 6 or 8) for the application identifiers (DAC/FID) in
 * common use. Values are raw as transmitted; the raw bits stay on the message as well.
 */
public sealed interface ApplicationData {

  /** DAC 235/250 FID 10 (GLA): aid-to-navigation monitoring. */
  record AtonMonitoring(
      int anaInt,
      int anaExt1,
      int anaExt2,
      int racon,
      int light,
      boolean alarm,
      int statExt,
      boolean offPos)
      implements ApplicationData {}

  /** DAC 1 FID 12 (IMO 236): dangerous cargo indication. */
  record DangerousCargo(
      String lastport,
      int lmonth,
      int lday,
      int lhour,
      int lminute,
      String nextport,
      int nmonth,
      int nday,
      int nhour,
      int nminute,
      String dangerous,
      String imdcat,
      int unid,
      int amount,
      int unit)
      implements ApplicationData {}

  /** One window of a tidal window message; position in 1/1000 minute. */
  record Tidal(
      int lon, int lat, int fromHour, int fromMin, int toHour, int toMin, int cdir, int cspeed) {}

  /** DAC 1 FID 14 (IMO 236) or FID 32 (IMO 289): tidal window. */
  record TidalWindow(int fid, int month, int day, List<Tidal> tidals) implements ApplicationData {
    public TidalWindow {
      tidals = List.copyOf(tidals);
    }
  }

  /** DAC 1 FID 16: number of persons on board. */
  record PersonsOnBoard(int persons) implements ApplicationData {}

  /** DAC 1 FID 18 (IMO 289): clearance time to enter port; position in 1/1000 minute. */
  record ClearanceTime(
      int linkage,
      int month,
      int day,
      int hour,
      int minute,
      String portname,
      String destination,
      int lon,
      int lat)
      implements ApplicationData {}

  /** DAC 1 FID 29 (broadcast) or FID 30 (addressed), IMO 289: text description. */
  record TextDescription(int linkage, String text) implements ApplicationData {}

  /** DAC 1 FID 11 (IMO 236): meteorological and hydrological data. */
  record MetHydro11(
      int lat,
      int lon,
      int day,
      int hour,
      int minute,
      int wspeed,
      int wgust,
      int wdir,
      int wgustdir,
      int airtemp,
      int humidity,
      int dewpoint,
      int pressure,
      int pressuretend,
      int visibility,
      int waterlevel,
      int leveltrend,
      int cspeed,
      int cdir,
      int cspeed2,
      int cdir2,
      int cdepth2,
      int cspeed3,
      int cdir3,
      int cdepth3,
      int waveheight,
      int waveperiod,
      int wavedir,
      int swellheight,
      int swellperiod,
      int swelldir,
      int seastate,
      int watertemp,
      int preciptype,
      int salinity,
      int ice)
      implements ApplicationData {}

  /** DAC 1 FID 31 (IMO 289): meteorological and hydrological data. */
  record MetHydro31(
      int lon,
      int lat,
      boolean accuracy,
      int day,
      int hour,
      int minute,
      int wspeed,
      int wgust,
      int wdir,
      int wgustdir,
      int airtemp,
      int humidity,
      int dewpoint,
      int pressure,
      int pressuretend,
      boolean visgreater,
      int visibility,
      int waterlevel,
      int leveltrend,
      int cspeed,
      int cdir,
      int cspeed2,
      int cdir2,
      int cdepth2,
      int cspeed3,
      int cdir3,
      int cdepth3,
      int waveheight,
      int waveperiod,
      int wavedir,
      int swellheight,
      int swellperiod,
      int swelldir,
      int seastate,
      int watertemp,
      int preciptype,
      int salinity,
      int ice)
      implements ApplicationData {}

  /** DAC 200 FID 10 (Inland AIS): inland ship static and voyage related data. */
  record InlandStatic(
      String vin,
      int length,
      int beam,
      int shiptype,
      int hazard,
      int draught,
      int loaded,
      boolean speedQ,
      boolean courseQ,
      boolean headingQ)
      implements ApplicationData {}
}
