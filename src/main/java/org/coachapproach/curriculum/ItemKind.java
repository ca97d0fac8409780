package org.coachapproach.curriculum;

/** The kinds of curriculum item: what a course configures, and what completion is recorded for. */
public enum ItemKind {

	SESSION, EXERCISE, RECORDING

}
