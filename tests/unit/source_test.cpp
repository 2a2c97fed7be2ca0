// Tests for lib/src/source: plain files, stdin/pipes, gzip and zstd, and
// every kind of bad input the source stage must survive.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "logcorr/source.hpp"
#include "test_util.hpp"

namespace logcorr {
namespace {

using test::TempDir;

// The opened source (null on failure), with the failure in `st`.
std::unique_ptr<ByteSource> test_open(Status& st, Result<std::unique_ptr<ByteSource>> r) {
  st = r.status();
  return std::move(r).value();
}

// Drains a source in small chunks so chunk-boundary bugs show up.
std::string drain(ByteSource& s, size_t chunk = 4096) {
  std::string out;
  std::string buf(chunk, '\0');
  for (;;) {
    size_t n = s.read(buf.data(), buf.size());
    if (n == 0) break;
    out.append(buf.data(), n);
  }
  return out;
}

std::string gzip(const std::string& data, uint32_t mtime = 0) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  gz_header h{};
  h.time = mtime;
  deflateSetHeader(&zs, &h);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string zstd(const std::string& data) {
  // With a content checksum, as the zstd CLI writes by default.
  std::string out(ZSTD_compressBound(data.size()), '\0');
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  size_t n = ZSTD_compress2(cctx, out.data(), out.size(), data.data(), data.size());
  ZSTD_freeCCtx(cctx);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

// Log-shaped text that does not compress to nothing.
std::string log_text(size_t lines, uint32_t seed = 1) {
  std::mt19937 rng(seed);
  std::string s;
  for (size_t i = 0; i < lines; ++i) {
    s += "[2026-06-29 14:22:" + std::to_string(10 + i % 50) +
         ",455] INFO [KafkaServer id=" + std::to_string(rng() % 5) + "] line " + std::to_string(i) +
         " value " + std::to_string(rng()) + "\n";
  }
  return s;
}

TEST(Source, PlainFileRoundTripAndInfo) {
  TempDir d;
  std::string text = log_text(20000);
  std::string p = d.write("server.log", text);
  Status err;
  auto s = test_open(err, open_source(p));
  ASSERT_TRUE(s) << err.message();
  EXPECT_EQ(s->info().compression, Compression::kNone);
  EXPECT_EQ(s->info().size, static_cast<int64_t>(text.size()));
  struct stat st {};
  ASSERT_EQ(stat(p.c_str(), &st), 0);
  EXPECT_EQ(s->info().mtime_ns, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
  EXPECT_EQ(drain(*s, 777), text);
  EXPECT_TRUE(s->status().ok());
  EXPECT_EQ(s->raw_bytes_read(), text.size());
}

TEST(Source, EmptyFile) {
  TempDir d;
  Status err;
  auto s = test_open(err, open_source(d.write("empty.log", "")));
  ASSERT_TRUE(s);
  char buf[16];
  EXPECT_EQ(s->read(buf, sizeof buf), 0u);
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, NonexistentFileNamesPathAndReason) {
  TempDir d;
  Status err;
  auto s = test_open(err, open_source(d.file("nope.log")));
  EXPECT_FALSE(s);
  EXPECT_EQ(err.path(), d.file("nope.log"));
  EXPECT_EQ(err.message(), "No such file or directory");
}

TEST(Source, DirectoryIsAnError) {
  TempDir d;
  Status err;
  auto s = test_open(err, open_source(d.path()));
  EXPECT_FALSE(s);
  EXPECT_EQ(err.path(), d.path());
  EXPECT_EQ(err.message(), "Is a directory");
}

TEST(Source, PermissionDenied) {
  TempDir d;
  std::string p = d.write("secret.log", "x\n");
  ASSERT_EQ(chmod(p.c_str(), 0), 0);
  if (geteuid() != 0) {
    Status err;
    EXPECT_FALSE(test_open(err, open_source(p)));
    EXPECT_EQ(err.path(), p);
    EXPECT_EQ(err.message(), "Permission denied");
    return;
  }
  // root reads mode-000 files; check from a child that drops to nobody.
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (setresgid(65534, 65534, 65534) != 0 || setresuid(65534, 65534, 65534) != 0) _exit(77);
    Status err;
    auto s = test_open(err, open_source(p));
    _exit(!s && err.path() == p && err.message() == "Permission denied" ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "cannot drop privileges to test EACCES";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(Source, GzipRoundTripAndHeaderMtime) {
  std::string text = log_text(5000);
  std::string gz = gzip(text, 1719670928);
  auto s = open_memory_source(gz, "mem.gz");
  EXPECT_EQ(s->info().compression, Compression::kGzip);
  EXPECT_EQ(s->info().mtime_ns, 1719670928LL * 1000000000);
  EXPECT_EQ(drain(*s, 1000), text);
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, GzipWithoutMtimeKeepsFileMtime) {
  TempDir d;
  std::string p = d.write("x.log.1.gz", gzip("a\nb\n", 0));
  Status err;
  auto s = test_open(err, open_source(p));
  ASSERT_TRUE(s);
  struct stat st {};
  ASSERT_EQ(stat(p.c_str(), &st), 0);
  EXPECT_EQ(s->info().mtime_ns, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
  EXPECT_EQ(drain(*s), "a\nb\n");
}

TEST(Source, CompressionDetectedByMagicNotName) {
  TempDir d;
  // A gzip file named .log, a plain file named .gz.
  std::string a = d.write("looks-plain.log", gzip("hello\n"));
  std::string b = d.write("looks-gz.gz", "plain text\n");
  Status err;
  auto sa = test_open(err, open_source(a));
  auto sb = test_open(err, open_source(b));
  ASSERT_TRUE(sa && sb);
  EXPECT_EQ(sa->info().compression, Compression::kGzip);
  EXPECT_EQ(drain(*sa), "hello\n");
  EXPECT_EQ(sb->info().compression, Compression::kNone);
  EXPECT_EQ(drain(*sb), "plain text\n");
}

TEST(Source, ConcatenatedGzipMembers) {
  std::string a = log_text(300, 1), b = log_text(200, 2), c = "tail without newline";
  std::string gz = gzip(a) + gzip(b) + gzip(c);
  auto s = open_memory_source(gz, "cat.gz");
  EXPECT_EQ(drain(*s, 333), a + b + c);
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, GzipTrailingZeroPaddingIgnored) {
  std::string gz = gzip("x\n") + std::string(512, '\0');
  auto s = open_memory_source(gz, "pad.gz");
  EXPECT_EQ(drain(*s), "x\n");
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, TruncatedGzipDeliversPrefixThenErrorWithOffset) {
  TempDir d;
  std::string text = log_text(50000);
  std::string gz = gzip(text);
  std::string half = gz.substr(0, gz.size() / 2);
  std::string p = d.write("server.log.2.gz", half);
  Status err;
  auto s = test_open(err, open_source(p));
  ASSERT_TRUE(s);
  std::string out = drain(*s);
  ASSERT_FALSE(s->status().ok());
  EXPECT_EQ(s->status().path(), p);
  EXPECT_EQ(*s->status().offset(), half.size());
  EXPECT_EQ(s->status().message(), "unexpected end of gzip stream at byte " +
                                       std::to_string(half.size()) + " (truncated archive?)");
  // Everything decoded is a true prefix, and it is most of what the half held
  // (deflate keeps at most a block in flight).
  EXPECT_EQ(text.compare(0, out.size(), out), 0);
  EXPECT_GT(out.size(), text.size() / 3);
  // Reference: what zlib itself can decode from those bytes.
  z_stream zs{};
  inflateInit2(&zs, 16 + MAX_WBITS);
  std::string ref(text.size(), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(half.data());
  zs.avail_in = static_cast<uInt>(half.size());
  zs.next_out = reinterpret_cast<Bytef*>(ref.data());
  zs.avail_out = static_cast<uInt>(ref.size());
  inflate(&zs, Z_SYNC_FLUSH);
  EXPECT_EQ(out.size(), zs.total_out);
  inflateEnd(&zs);
  // read() keeps returning 0 afterwards.
  char buf[8];
  EXPECT_EQ(s->read(buf, sizeof buf), 0u);
}

TEST(Source, GzipMagicFollowedByGarbage) {
  std::mt19937 rng(42);
  for (int round = 0; round < 50; ++round) {
    std::string junk = "\x1f\x8b";
    size_t n = 1 + rng() % 4096;
    for (size_t i = 0; i < n; ++i) junk.push_back(static_cast<char>(rng()));
    auto s = open_memory_source(junk, "junk.gz");
    EXPECT_EQ(s->info().compression, Compression::kGzip);
    drain(*s);
    ASSERT_FALSE(s->status().ok()) << "round " << round;
    EXPECT_EQ(s->status().path(), "junk.gz");
    EXPECT_LE(*s->status().offset(), junk.size());
  }
}

TEST(Source, CorruptGzipInTheMiddle) {
  std::string text = log_text(20000);
  std::string gz = gzip(text);
  for (size_t i = gz.size() / 2; i < gz.size() / 2 + 64; ++i) gz[i] = static_cast<char>(~gz[i]);
  auto s = open_memory_source(gz, "bad.gz");
  std::string out = drain(*s);
  ASSERT_FALSE(s->status().ok());
  EXPECT_NE(s->status().message().find("gzip"), std::string::npos);
  EXPECT_NE(s->status().message().find("at byte " + std::to_string(*s->status().offset())),
            std::string::npos);
  EXPECT_LE(*s->status().offset(), gz.size());
  // Whatever came out before the damage was noticed starts like the original.
  EXPECT_GT(out.size(), 0u);
  EXPECT_EQ(text.compare(0, std::min<size_t>(out.size(), text.size() / 4), out, 0,
                         std::min<size_t>(out.size(), text.size() / 4)),
            0);
}

TEST(Source, TenMegabyteLineInGzip) {
  std::string line(10 * 1024 * 1024, 'a');
  for (size_t i = 0; i < line.size(); i += 997) line[i] = static_cast<char>('a' + i % 26);
  std::string text = "first\n" + line + "\nlast\n";
  std::string gz = gzip(text);
  auto s = open_memory_source(gz, "big.gz");
  EXPECT_EQ(drain(*s, 65536), text);
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, ZstdMultiFrame) {
  std::string a = log_text(1000, 3), b = log_text(1000, 4);
  std::string z = zstd(a) + zstd(b);
  auto s = open_memory_source(z, "multi.zst");
  EXPECT_EQ(s->info().compression, Compression::kZstd);
  EXPECT_EQ(drain(*s, 500), a + b);
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, ZstdFromFile) {
  TempDir d;
  std::string text = log_text(30000, 5);
  std::string p = d.write("server.log.3.zst", zstd(text));
  Status err;
  auto s = test_open(err, open_source(p));
  ASSERT_TRUE(s);
  EXPECT_EQ(drain(*s), text);
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, CorruptZstd) {
  std::string text = log_text(20000, 6);
  std::string z = zstd(text);
  for (size_t i = z.size() / 2; i < z.size() / 2 + 32; ++i) z[i] = static_cast<char>(z[i] ^ 0x5a);
  auto s = open_memory_source(z, "bad.zst");
  std::string out = drain(*s);
  ASSERT_FALSE(s->status().ok());
  EXPECT_EQ(s->status().message().rfind("corrupt zstd data at byte ", 0), 0u)
      << s->status().message();
  EXPECT_LE(*s->status().offset(), z.size());
  size_t k = std::min<size_t>(out.size(), text.size() / 4);
  EXPECT_GT(out.size(), 0u);
  EXPECT_EQ(text.compare(0, k, out, 0, k), 0);
}

TEST(Source, ZstdGarbageAfterFirstFrame) {
  std::string a = log_text(100, 8);
  std::string z = zstd(a) + "this is not a frame";
  auto s = open_memory_source(z, "tail.zst");
  EXPECT_EQ(drain(*s), a);
  ASSERT_FALSE(s->status().ok());
  EXPECT_EQ(*s->status().offset(), zstd(a).size());
  EXPECT_EQ(s->status().message(), "corrupt zstd data at byte " + std::to_string(zstd(a).size()) +
                                       ": Unknown frame descriptor");
}

TEST(Source, TruncatedZstd) {
  std::string text = log_text(20000, 7);
  std::string z = zstd(text);
  std::string half = z.substr(0, z.size() / 2);
  auto s = open_memory_source(half, "half.zst");
  std::string out = drain(*s);
  ASSERT_FALSE(s->status().ok());
  EXPECT_EQ(*s->status().offset(), half.size());
  EXPECT_EQ(s->status().message(), "unexpected end of zstd stream at byte " +
                                       std::to_string(half.size()) + " (truncated archive?)");
  EXPECT_EQ(text.compare(0, out.size(), out), 0);
}

TEST(Source, ZstdMagicFollowedByGarbage) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    std::string junk("\x28\xb5\x2f\xfd", 4);
    size_t n = rng() % 2048;
    for (size_t i = 0; i < n; ++i) junk.push_back(static_cast<char>(rng()));
    auto s = open_memory_source(junk, "junk.zst");
    drain(*s);
    EXPECT_FALSE(s->status().ok()) << "round " << round;
  }
}

TEST(Source, ShortInputsAreNotMistakenForMagic) {
  for (std::string t : {std::string("\x1f"), std::string("\x28\xb5"), std::string("a")}) {
    auto s = open_memory_source(t, "short");
    EXPECT_EQ(s->info().compression, Compression::kNone);
    EXPECT_EQ(drain(*s), t);
  }
}

// A pipe whose writer is slow: the first bytes must come back before the
// writer has finished (incremental, not slurped).
TEST(Source, PipeDeliversDataBeforeWriterFinishes) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  std::atomic<bool> writer_done{false};
  std::atomic<bool> first_seen{false};
  std::thread writer([&] {
    std::string line = "2026-06-29T14:22:08Z first\n";
    EXPECT_EQ(write(fds[1], line.data(), line.size()), static_cast<ssize_t>(line.size()));
    // Hold the rest back until the reader has seen the first line (bounded
    // wait so a broken source fails the test instead of hanging it).
    for (int i = 0; i < 500 && !first_seen; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    for (int i = 0; i < 3; ++i) {
      std::string more = "more " + std::to_string(i) + "\n";
      EXPECT_EQ(write(fds[1], more.data(), more.size()), static_cast<ssize_t>(more.size()));
    }
    writer_done = true;
    close(fds[1]);
  });
  Status err;
  auto s = test_open(err, open_fd_source(fds[0], "-", true));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->info().size, -1);
  char buf[65536];
  size_t n = s->read(buf, sizeof buf);
  EXPECT_FALSE(writer_done.load());
  EXPECT_EQ(std::string(buf, n), "2026-06-29T14:22:08Z first\n");
  first_seen = true;
  std::string rest = drain(*s);
  writer.join();
  EXPECT_EQ(rest, "more 0\nmore 1\nmore 2\n");
  EXPECT_TRUE(s->status().ok());
}

TEST(Source, GzipThroughPipe) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  std::string text = log_text(20000, 9);
  std::string gz = gzip(text) + gzip("second member\n");
  std::thread writer([&] {
    for (size_t off = 0; off < gz.size(); off += 1000) {
      size_t n = std::min<size_t>(1000, gz.size() - off);
      ASSERT_EQ(write(fds[1], gz.data() + off, n), static_cast<ssize_t>(n));
    }
    close(fds[1]);
  });
  Status err;
  auto s = test_open(err, open_fd_source(fds[0], "-", true));
  ASSERT_TRUE(s);
  std::string out = drain(*s);
  writer.join();
  EXPECT_EQ(s->info().compression, Compression::kGzip);
  EXPECT_EQ(out, text + "second member\n");
}

TEST(Source, SniffCompression) {
  EXPECT_EQ(sniff_compression("\x1f\x8b\x08"), Compression::kGzip);
  EXPECT_EQ(sniff_compression(std::string_view("\x28\xb5\x2f\xfd", 4)), Compression::kZstd);
  EXPECT_EQ(sniff_compression("\x1f"), Compression::kNone);
  EXPECT_EQ(sniff_compression(""), Compression::kNone);
}

TEST(Source, CorpusGcLogReadsWhole) {
  LOGCORR_REQUIRE_CORPUS();
  std::string p = test::corpus_dir() + "/kafka-logs/kafka-4.0.0/kafkaServer-gc.log.3";
  Status err;
  auto s = test_open(err, open_source(p));
  ASSERT_TRUE(s) << err.message();
  EXPECT_EQ(drain(*s, 1000), test::read_file(p));
}

}  // namespace
}  // namespace logcorr
