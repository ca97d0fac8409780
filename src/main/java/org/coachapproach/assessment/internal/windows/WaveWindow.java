package org.coachapproach.assessment.internal.windows;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * When one wave of an instrument is open in a course (both dates inclusive). The course is
 * {@code people}'s aggregate, referred to by id.
 */
@Entity
@Table(name = "assessment_window")
@IdClass(WaveWindow.Key.class)
public class WaveWindow {

	@Id
	@Column(name = "course_id")
	private long courseId;

	@Id
	@Column(name = "instrument_id", length = 64)
	private String instrumentId;

	@Id
	@Column(name = "wave", length = 16)
	private String wave;

	@Column(name = "opens_on", nullable = false)
	private LocalDate opensOn;

	@Column(name = "closes_on", nullable = false)
	private LocalDate closesOn;

	// TIMESTAMP(6) in the schema, written in the JVM's zone as the other tables' timestamps are.
	@Column(name = "updated_at", nullable = false)
	@JdbcTypeCode(SqlTypes.TIMESTAMP)
	private Instant updatedAt;

	protected WaveWindow() {
	}

	public WaveWindow(long courseId, String instrumentId, String wave, LocalDate opensOn, LocalDate closesOn,
			Instant updatedAt) {
		this.courseId = courseId;
		this.instrumentId = instrumentId;
		this.wave = wave;
		this.opensOn = opensOn;
		this.closesOn = closesOn;
		this.updatedAt = updatedAt;
	}

	public long courseId() {
		return this.courseId;
	}

	public String instrumentId() {
		return this.instrumentId;
	}

	/** The wave's label ({@code pre}, {@code post}, {@code follow-up}). */
	public String wave() {
		return this.wave;
	}

	public LocalDate opensOn() {
		return this.opensOn;
	}

	public LocalDate closesOn() {
		return this.closesOn;
	}

	/** The composite key: course, instrument and wave. */
	public static class Key implements Serializable {

		private long courseId;

		private String instrumentId;

		private String wave;

		protected Key() {
		}

		public Key(long courseId, String instrumentId, String wave) {
			this.courseId = courseId;
			this.instrumentId = instrumentId;
			this.wave = wave;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.courseId == this.courseId
					&& Objects.equals(key.instrumentId, this.instrumentId) && Objects.equals(key.wave, this.wave);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.courseId, this.instrumentId, this.wave);
		}

	}

}
