/**
 * Loading cached images into the node's Docker engine through docker-java (Engine API over the
 * Unix socket; {@code --docker-host} or {@code DOCKER_HOST}).
 *
 * <p>Terms: the <em>load stream</em> is a {@code docker save} tar generated on the fly from the
 * cache's blobs (the only format {@code POST /images/load} of Docker 20.10 accepts) and sent
 * straight to the engine — no second copy on disk. A layer is <em>skipped</em> (its
 * {@code layer.tar} left out of the stream while {@code manifest.json} still lists it) when the
 * engine's layer store already holds its chain id, which the engine's loader then reuses without
 * opening the file; the chain ids present are found by inspecting the engine's images
 * ({@code RootFS.Layers}).
 *
 * <p>The <em>layer feed</em> ({@code LayerFeed}) sends the layers of an archive being imported as
 * soon as the import has verified each, as untagged <em>partial images</em> (a config listing the
 * diff ids up to that layer), removed again once the real image holds their layers or the import
 * fails. On a Unix socket the load path's calls (inspect, list, tag, remove, load) are written
 * directly on the socket; docker-java serves the rest and {@code tcp://} engines.
 *
 * <p>Depends on {@code image.cache}, {@code image.oci} and {@code image.archive} (the import's
 * listener interface).
 */
package dev.cairn.agent.image.engine;
