package org.coachapproach.assessment.internal.windows;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.coachapproach.assessment.InstrumentSettings;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What staff switched on for an instrument in a course; a course without a row has the defaults. */
@Entity
@Table(name = "assessment_instrument_settings")
@IdClass(CourseInstrument.Key.class)
public class CourseInstrument {

	@Id
	@Column(name = "course_id")
	private long courseId;

	@Id
	@Column(name = "instrument_id", length = 64)
	private String instrumentId;

	@Column(name = "completion_credit", nullable = false)
	private boolean completionCredit;

	@Column(name = "retrospective", nullable = false)
	private boolean retrospective;

	@Column(name = "follow_up", nullable = false)
	private boolean followUp;

	// TIMESTAMP(6) in the schema, written in the JVM's zone as the other tables' timestamps are.
	@Column(name = "updated_at", nullable = false)
	@JdbcTypeCode(SqlTypes.TIMESTAMP)
	private Instant updatedAt;

	protected CourseInstrument() {
	}

	public CourseInstrument(long courseId, String instrumentId) {
		this.courseId = courseId;
		this.instrumentId = instrumentId;
	}

	public InstrumentSettings settings() {
		return new InstrumentSettings(this.completionCredit, this.retrospective, this.followUp);
	}

	public void change(InstrumentSettings settings, Instant at) {
		this.completionCredit = settings.completionCredit();
		this.retrospective = settings.retrospective();
		this.followUp = settings.followUp();
		this.updatedAt = at;
	}

	/** The composite key: course and instrument. */
	public static class Key implements Serializable {

		private long courseId;

		private String instrumentId;

		protected Key() {
		}

		public Key(long courseId, String instrumentId) {
			this.courseId = courseId;
			this.instrumentId = instrumentId;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.courseId == this.courseId
					&& Objects.equals(key.instrumentId, this.instrumentId);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.courseId, this.instrumentId);
		}

	}

}
