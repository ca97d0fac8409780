package org.coachapproach.curriculum;

/** The kinds of curriculum item a course can configure. */
public enum ItemKind {

	SESSION, EXERCISE, RECORDING

}
