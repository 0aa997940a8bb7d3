package dev.cairn.agent.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

  @Test
  void take_afterRelease_reusesBuffer() throws InterruptedException {
    BufferPool pool = new BufferPool(16, 1);
    byte[] first = pool.take();
    pool.release(first);
    assertSame(first, pool.take());
  }

  @Test
  void take_allocationFails_laterTakesFailInsteadOfBlocking() {
    // An array this size exceeds the VM limit: the allocation throws OutOfMemoryError at once.
    BufferPool pool = new BufferPool(Integer.MAX_VALUE, 1);
    assertThrows(OutOfMemoryError.class, pool::take);
    // With the slot leaked, this second take would wait forever for a buffer nobody holds.
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(OutOfMemoryError.class, pool::take));
  }

  @Test
  void release_foreignSize_isIgnored() throws InterruptedException {
    BufferPool pool = new BufferPool(16, 2);
    pool.release(new byte[8]);
    assertEquals(16, pool.take().length);
  }
}
