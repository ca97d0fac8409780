package org.coachapproach.progress;

/** The kinds of item whose completion is recorded. */
public enum ItemType {

	SESSION, EXERCISE, RECORDING

}
