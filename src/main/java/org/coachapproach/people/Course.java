package org.coachapproach.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A platform course (LTI context) the tool is used in. */
@Entity
public class Course {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String issuer;

	@Column(nullable = false)
	private String contextId;

	private String title;

	private String label;

	@Column(nullable = false)
	private Instant createdAt;

	protected Course() {
	}

	public Course(String issuer, String contextId, Instant now) {
		this.issuer = issuer;
		this.contextId = contextId;
		this.createdAt = now;
	}

	public CourseId id() {
		return new CourseId(this.id);
	}

	public String issuer() {
		return this.issuer;
	}

	public String contextId() {
		return this.contextId;
	}

	public String title() {
		return this.title;
	}

	public String label() {
		return this.label;
	}

	public void describe(String title, String label) {
		if (title != null && !title.equals(this.title)) {
			this.title = title;
		}
		if (label != null && !label.equals(this.label)) {
			this.label = label;
		}
	}

}
