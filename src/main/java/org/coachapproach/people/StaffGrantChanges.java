package org.coachapproach.people;

import org.springframework.data.repository.Repository;

interface StaffGrantChanges extends Repository<StaffGrantChange, Long> {

	StaffGrantChange save(StaffGrantChange change);

}
