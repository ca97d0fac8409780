package org.coachapproach.curriculum.internal;

import java.util.List;
import java.util.Optional;

import org.coachapproach.curriculum.ItemKind;

import org.springframework.data.repository.Repository;

interface ItemSettingsRows extends Repository<ItemSettingsRow, Long> {

	List<ItemSettingsRow> findByCourseId(long courseId);

	Optional<ItemSettingsRow> findByCourseIdAndItemTypeAndItemId(long courseId, ItemKind itemType, String itemId);

	ItemSettingsRow save(ItemSettingsRow row);

}
