package dev.cairn.agent.backend;

import dev.cairn.agent.state.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of {@link S3Backend} against s3proxy on 127.0.0.1 (run by {@code bench/backends.sh},
 * not by the test suite): pack uploads sequential and parallel, whole reads, small ranged reads,
 * listing. Prints one line per figure.
 */
public final class S3BackendBench {
  private S3BackendBench() {}

  public static void main(String[] args) throws Exception {
    int packMiB = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int packs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path dir = Files.createTempDirectory("cairn-bench-");
    try (S3TestServer server = S3TestServer.start();
        S3Backend s3 = S3Backend.create(server.settings(S3TestServer.newBucketName(), "bench"))) {
      s3.createBucketIfMissing();
      Path pack = dir.resolve("pack");
      RandomBytes.writeFile(pack, (long) packMiB << 20, 1);
      double totalMiB = (double) packMiB * packs;
      System.out.printf("S3Backend on s3proxy (127.0.0.1), %d packs of %d MiB, part size %d MiB%n",
          packs, packMiB, s3.settings().partSize() >> 20);

      long t0 = System.nanoTime();
      for (int i = 0; i < packs; i++) {
        s3.save(new Handle(FileType.PACK, "seq-" + i), new Content.OfFile(pack));
      }
      report("save sequential", totalMiB, t0);

      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < packs; i++) {
          Handle h = new Handle(FileType.PACK, "par-" + i);
          futures.add(pool.submit(() -> {
            s3.save(h, new Content.OfFile(pack));
            return null;
          }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
        report("save 4 parallel", totalMiB, t0);
      } finally {
        pool.shutdownNow();
      }

      t0 = System.nanoTime();
      byte[] buffer = new byte[1 << 16];
      for (int i = 0; i < packs; i++) {
        try (InputStream in = s3.open(new Handle(FileType.PACK, "seq-" + i), 0, -1)) {
          while (in.read(buffer) >= 0) {
            // drain
          }
        }
      }
      report("open whole", totalMiB, t0);

      Random random = new Random(2);
      int reads = 500;
      t0 = System.nanoTime();
      for (int i = 0; i < reads; i++) {
        long offset = (long) (random.nextDouble() * ((packMiB << 20) - 65536));
        try (InputStream in = s3.open(new Handle(FileType.PACK, "seq-" + (i % packs)), offset,
            65536)) {
          in.readAllBytes();
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("%-18s %8.0f reads/s (64 KiB ranged GETs)%n", "open range", reads / seconds);

      for (int i = 0; i < 1000; i++) {
        s3.save(new Handle(FileType.INDEX, String.format("i%04d", i)), new Content.OfBytes(
            new byte[100]));
      }
      t0 = System.nanoTime();
      int listed = s3.list(FileType.INDEX).size();
      System.out.printf("%-18s %8.1f ms for %d objects%n", "list", (System.nanoTime() - t0) / 1e6,
          listed);
    } finally {
      FileTree.delete(dir);
    }
  }

  private static void report(String what, double mib, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf("%-18s %8.1f MiB/s (%.2f s)%n", what, mib / seconds, seconds);
  }
}
