package org.coachapproach.assessment;

import java.util.Optional;

import org.coachapproach.people.ProgramId;

/**
 * Where the evaluation report gets its CFDS attendance figures. The assessment module may not
 * use the series module, so the shell ({@code web}), which may use both, provides this.
 */
public interface CfdsAttendanceSource {

	/** The program's attendance in the latest academic year of the series; empty when it has none. */
	Optional<CfdsAttendance> latest(ProgramId program);

}
