package dev.cairn.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapTrimTest {

  private static final long MIB = 1L << 20;

  /** A heap whose committed size the test sets; a collection shrinks it to {@code live}. */
  private static final class FakeHeap implements HeapTrim.Heap {
    long committed;
    long live;
    int collections;

    FakeHeap(long committed) {
      this.committed = committed;
      this.live = committed;
    }

    @Override
    public long committed() {
      return committed;
    }

    @Override
    public void collect() {
      collections++;
      committed = live;
    }
  }

  @Test
  void check_heapGrewThenSettled_collectsOnce() {
    FakeHeap heap = new FakeHeap(8 * MIB);
    HeapTrim trim = new HeapTrim(heap);
    heap.committed = 24 * MIB;
    heap.live = 14 * MIB;

    assertThat(trim.check()).as("still growing for all it knows").isFalse();
    assertThat(trim.check()).as("settled").isTrue();
    assertThat(trim.check()).as("trimmed already").isFalse();
    assertThat(trim.check()).isFalse();

    assertThat(heap.collections).isEqualTo(1);
  }

  @Test
  void check_heapStillGrowing_waits() {
    FakeHeap heap = new FakeHeap(8 * MIB);
    HeapTrim trim = new HeapTrim(heap);

    for (int i = 1; i <= 5; i++) {
      heap.committed = (8 + 20 * i) * MIB;
      assertThat(trim.check()).isFalse();
    }
    assertThat(trim.check()).isTrue();
    assertThat(heap.collections).isEqualTo(1);
  }

  @Test
  void check_growthWithinSlack_neverCollects() {
    FakeHeap heap = new FakeHeap(16 * MIB);
    HeapTrim trim = new HeapTrim(heap);
    heap.committed = 16 * MIB + HeapTrim.SLACK;

    for (int i = 0; i < 5; i++) {
      assertThat(trim.check()).isFalse();
    }
    assertThat(heap.collections).isZero();
  }

  @Test
  void check_jobGrowsTheHeapAfterATrim_trimsAgainOnceItSettles() {
    FakeHeap heap = new FakeHeap(8 * MIB);
    HeapTrim trim = new HeapTrim(heap);
    heap.committed = 20 * MIB;
    heap.live = 12 * MIB;
    trim.check();
    trim.check();
    heap.committed = 140 * MIB; // a snapshot job

    assertThat(trim.check()).isFalse();
    assertThat(trim.check()).isTrue();

    assertThat(heap.collections).isEqualTo(2);
    assertThat(heap.committed).isEqualTo(12 * MIB);
  }
}
