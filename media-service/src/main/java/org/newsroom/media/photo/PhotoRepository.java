package org.newsroom.media.photo;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data access to photo records, used by {@link PhotoStore} only (it is the one writer). */
interface PhotoRepository extends MongoRepository<Photo, String> {

	Optional<Photo> findBySha256(String sha256);
}
