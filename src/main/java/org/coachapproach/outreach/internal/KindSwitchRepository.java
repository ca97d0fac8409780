package org.coachapproach.outreach.internal;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Staff's email switches. */
public interface KindSwitchRepository extends Repository<KindSwitch, KindSwitch.Key> {

	Optional<KindSwitch> findById(KindSwitch.Key key);

	KindSwitch save(KindSwitch kindSwitch);

}
