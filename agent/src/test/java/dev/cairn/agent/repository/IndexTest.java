package dev.cairn.agent.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexTest {

  private final Random random = new Random(11);

  private BlobId id() {
    byte[] bytes = new byte[BlobId.LENGTH];
    random.nextBytes(bytes);
    return BlobId.of(bytes);
  }

  private PackDescriptor pack(String name, int blobs) {
    List<PackEntry> entries = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < blobs; i++) {
      int stored = 1 + random.nextInt(1 << 20);
      entries.add(new PackEntry(i % 7 == 0 ? BlobType.TREE : BlobType.DATA, i % 2 == 0 ? PackEntry.FLAG_ZSTD : 0,
          offset, stored, stored + random.nextInt(1000), id()));
      offset += stored;
    }
    return new PackDescriptor(name, offset + 100L, entries);
  }

  @Test
  void find_manyPacks_returnsEachBlobsPackAndEntry() {
    Index index = new Index();
    Map<BlobId, BlobLocation> expected = new HashMap<>();
    List<PackDescriptor> added = new ArrayList<>();
    for (int p = 0; p < 300; p++) {
      PackDescriptor pack = pack("pack-" + p, 1 + random.nextInt(200)); // ~30,000 blobs: the arrays grow, the table rehashes
      index.add(pack);
      added.add(pack);
      for (PackEntry entry : pack.entries()) {
        expected.put(entry.id(), new BlobLocation(pack.pack(), entry));
      }
    }

    assertThat(index.blobCount()).isEqualTo(expected.size());
    expected.forEach((id, location) -> {
      assertThat(index.contains(id)).isTrue();
      assertThat(index.find(id)).isEqualTo(location);
    });
    assertThat(index.packs()).containsExactlyElementsOf(added);
    assertThat(index.pack("pack-17")).isEqualTo(added.get(17));
    BlobId unknown = id();
    assertThat(index.contains(unknown)).isFalse();
    assertThat(index.find(unknown)).isNull();
    assertThat(index.pack("pack-300")).isNull();
  }

  @Test
  void add_blobInTwoPacks_keepsItsFirstLocationAndBothPacksList() {
    Index index = new Index();
    PackDescriptor first = pack("a", 3);
    PackEntry shared = first.entries().get(1);
    PackEntry again = new PackEntry(shared.type(), shared.flags(), 0, shared.storedLength(), shared.plainLength(), shared.id());
    PackDescriptor second = new PackDescriptor("b", 500, List.of(again));

    index.add(first);
    index.add(second);

    assertThat(index.find(shared.id())).isEqualTo(new BlobLocation("a", shared));
    assertThat(index.blobCount()).isEqualTo(3);
    assertThat(index.pack("b").entries()).containsExactly(again);
  }

  @Test
  void add_samePackAgain_takesTheNewDescriptor() {
    Index index = new Index();
    PackDescriptor pack = pack("a", 4);
    index.add(pack);
    PackDescriptor listedAgain = new PackDescriptor("a", pack.size(), pack.entries());

    index.add(listedAgain);

    assertThat(index.packs()).containsExactly(listedAgain);
    assertThat(index.blobCount()).isEqualTo(4);
  }

  @Test
  void blobId_words_roundTrip() {
    BlobId id = id();
    long[] words = new long[6];
    id.copyWords(words, 2);

    assertThat(BlobId.fromWords(java.util.Arrays.copyOfRange(words, 2, 6))).isEqualTo(id);
    assertThat(id.equalsWords(words, 2)).isTrue();
    assertThat(id.equalsWords(words, 1)).isFalse();
    assertThat(words[2] >>> 32).isEqualTo(Integer.toUnsignedLong(id.hashCode()));
  }
}
