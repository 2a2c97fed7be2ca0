// Allocates short-lived garbage (plus a small retained set, so old-generation
// collections have work) and calls System.gc() a few times, so that a short
// run writes every kind of stop-the-world pause a collector has: young,
// full/explicit, and the concurrent collectors' pause phases.
//
// Usage: java [GC flags] GcChurn.java [rounds] [MB per round] [first-line]
// (default 3 rounds of 48 MB). With a third argument it first prints the line
// a Kafka broker's JVM logs first, stamped with the wall clock as log4j's
// server.log does (UTC): tests anchor uptime-only GC logs on it.
public class GcChurn {
  public static void main(String[] args) {
    if (args.length > 2) {
      java.time.format.DateTimeFormatter f =
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
              .withZone(java.time.ZoneOffset.UTC);
      System.out.println("[" + f.format(java.time.Instant.now())
          + "] INFO Registered kafka:type=kafka.Log4jController MBean"
          + " (kafka.utils.Log4jControllerRegistration$)");
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int arrays = (args.length > 1 ? Integer.parseInt(args[1]) : 48) * 64;  // 16 KB each
    Object[] keep = new Object[64];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < arrays; i++) {
        byte[] b = new byte[16 * 1024];
        b[i % b.length] = (byte) i;
        sink += b[0];
        if (i % 64 == 0) keep[(i / 64) % keep.length] = b;
      }
      System.gc();
    }
    System.out.println("done " + sink + " " + keep.length);
  }
}
