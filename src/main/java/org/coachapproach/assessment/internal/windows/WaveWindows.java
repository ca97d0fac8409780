package org.coachapproach.assessment.internal.windows;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The survey windows of courses. */
public interface WaveWindows extends Repository<WaveWindow, WaveWindow.Key> {

	List<WaveWindow> findByCourseIdOrderByInstrumentIdAscOpensOnAsc(long courseId);

	@Query("SELECT DISTINCT w.courseId FROM WaveWindow w ORDER BY w.courseId")
	List<Long> findCourseIds();

	boolean existsById(WaveWindow.Key key);

	WaveWindow save(WaveWindow window);

	// A bulk delete runs at once: removed entities would be deleted after the new rows' inserts at flush.
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("DELETE FROM WaveWindow w WHERE w.courseId = :courseId AND w.instrumentId = :instrumentId")
	int deleteByCourseAndInstrument(@Param("courseId") long courseId, @Param("instrumentId") String instrumentId);

}
