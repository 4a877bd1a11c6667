package org.newsroom.media.photo;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PhotoRepository extends MongoRepository<Photo, String> {

	Optional<Photo> findBySha256(String sha256);
}
