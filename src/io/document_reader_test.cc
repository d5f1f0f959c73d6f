#include "io/document_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace annal::io {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

struct Collected {
  std::vector<Document> docs;
  std::vector<InputProblem> problems;
  std::vector<std::string> Problems() const {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.ToString());
    return out;
  }
  std::vector<std::string> Ids() const {
    std::vector<std::string> out;
    for (const auto& d : docs) out.push_back(d.id);
    return out;
  }
};

class DocumentReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("annal_reader_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& rel, const std::string& bytes) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p.string();
  }

  Status Read(const std::vector<std::string>& inputs, Collected* c, ReadOptions options = {}) {
    return ReadDocuments(
        inputs, options, [&](Document&& d) { c->docs.push_back(std::move(d)); },
        [&](const InputProblem& p) { c->problems.push_back(p); });
  }

  fs::path dir_;
};

TEST_F(DocumentReaderTest, JsonLinesGoodAndBadLines) {
  std::string long_text(70 * 1024, 'x');
  std::string data =
      "{\"id\":\"a1\",\"date\":\"2026-02-06\",\"text\":\"Putin met Xi.\",\"title\":\"T\","
      "\"url\":\"http://x\",\"source\":\"Reuters\",\"lang\":\"en\",\"extra\":[1,2]}\n"  // 1
      "{\"id\":\"a2\",\"text\":\"unterminated\n"                                        // 2
      "{\"id\":\"a3\",\"text\":\"bad \xff byte\"}\n"                                    // 3
      "{\"id\":\"a4\",\"date\":\"2026-02-06\"}\n"                                       // 4
      "{\"id\":\"a5\",\"text\":\"  \"}\n"                                               // 5
      "{\"id\":5,\"text\":\"numeric id\"}\n"                                            // 6
      "{\"id\":\"a7\",\"date\":\"06/02/2026\",\"text\":\"bad date\"}\n"                 // 7
      "[\"not\",\"an\",\"object\"]\n"                                                   // 8
      "   \n"                                                                           // 9
      "{\"text\":\"no id here\",\"date\":null}\n"                                       // 10
      "{\"id\":\"a11\",\"text\":\"" +
      long_text +
      "\"}\n"                                                                // 11
      "{\"id\":\"a12\",\"text\":\"after the long line\",\"date\":\"\"}\r\n"  // 12
      "{\"id\":\"a13\",\"text\":\"lone \\ud800 surrogate\"}\n"               // 13
      "{\"id\":\"a14\",\"text\":\"escaped \\u00e9 and \\\"quotes\\\"\"}";    // 14
  Collected c;
  ReadOptions options;
  options.max_document_bytes = 1024;  // line limit: 1024 + 64 KiB
  size_t n = ReadJsonLines(
      data, "in.jsonl", options, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const InputProblem& p) { c.problems.push_back(p); });
  EXPECT_EQ(n, 4u);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a1", "in.jsonl:10", "a12", "a14"}));
  ASSERT_EQ(c.docs.size(), 4u);
  const Document& d = c.docs[0];
  EXPECT_EQ(d.date, "2026-02-06");
  EXPECT_EQ(d.text, "Putin met Xi.");
  EXPECT_EQ(d.title, "T");
  EXPECT_EQ(d.url, "http://x");
  EXPECT_EQ(d.source, "Reuters");
  EXPECT_EQ(d.lang, "en");
  EXPECT_EQ(c.docs[1].date, "");
  EXPECT_EQ(c.docs[2].text, "after the long line");
  EXPECT_EQ(c.docs[3].text, "escaped \u00e9 and \"quotes\"");

  std::vector<std::string> p = c.Problems();
  ASSERT_EQ(p.size(), 9u) << ::testing::PrintToString(p);
  EXPECT_THAT(p[0], StartsWith("in.jsonl:2: invalid JSON: "));
  EXPECT_EQ(p[1], "in.jsonl:3: invalid UTF-8 at byte 23 of the line; skipped");
  EXPECT_EQ(p[2], "in.jsonl:4: missing \"text\"; skipped");
  EXPECT_EQ(p[3], "in.jsonl:5: empty \"text\"; skipped");
  EXPECT_EQ(p[4], "in.jsonl:6: field \"id\" must be a string, got a number; skipped");
  EXPECT_EQ(p[5], "in.jsonl:7: bad \"date\" \"06/02/2026\": expected YYYY-MM-DD; skipped");
  EXPECT_EQ(p[6], "in.jsonl:8: expected a JSON object, got an array; skipped");
  EXPECT_THAT(p[7], StartsWith("in.jsonl:11: line of "));
  EXPECT_THAT(p[7], HasSubstr("over the limit"));
  EXPECT_THAT(p[8], StartsWith("in.jsonl:13: invalid JSON: "));  // lone surrogate escape
  // Byte offsets point into the input.
  EXPECT_EQ(c.problems[1].line, 3u);
  EXPECT_EQ(data[c.problems[1].byte_offset], '\xff');
  EXPECT_EQ(data.substr(c.problems[2].byte_offset, 11), "{\"id\":\"a4\",");
}

TEST_F(DocumentReaderTest, TextOverTheLimitOnAShortLine) {
  Collected c;
  ReadOptions options;
  options.max_document_bytes = 10;
  ReadJsonLines(
      "{\"text\":\"0123456789ABC\"}\n{\"text\":\"short\"}\n", "x.jsonl", options,
      [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const InputProblem& p) { c.problems.push_back(p); });
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "short");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].ToString(),
            "x.jsonl:1: \"text\" of 13 bytes is over the limit of 10 bytes; skipped");
}

TEST_F(DocumentReaderTest, WrongFieldTypes) {
  for (std::string field : {"date", "title", "url", "source", "lang", "text"}) {
    Collected c;
    ReadJsonLines(
        "{\"text\":\"ok\",\"" + field + "\":true}\n{\"text\":\"good\"}", "f.jsonl", {},
        [&](Document&& d) { c.docs.push_back(std::move(d)); },
        [&](const InputProblem& p) { c.problems.push_back(p); });
    ASSERT_EQ(c.problems.size(), 1u) << field;
    EXPECT_EQ(c.problems[0].ToString(),
              "f.jsonl:1: field \"" + field + "\" must be a string, got a boolean; skipped");
    ASSERT_EQ(c.docs.size(), 1u) << field;
    EXPECT_EQ(c.docs[0].id, "f.jsonl:2");
  }
}

TEST_F(DocumentReaderTest, ImpossibleDates) {
  Collected c;
  ReadJsonLines(
      "{\"text\":\"a\",\"date\":\"2026-02-30\"}\n{\"text\":\"b\",\"date\":\"2024-02-29\"}\n"
      "{\"text\":\"c\",\"date\":\"2026-2-6\"}\n",
      "d.jsonl", {}, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const InputProblem& p) { c.problems.push_back(p); });
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"d.jsonl:2"}));
  EXPECT_EQ(c.problems.size(), 2u);
  EXPECT_EQ(c.problems[0].line, 1u);
  EXPECT_EQ(c.problems[1].line, 3u);
}

TEST(IsValidDateTest, Cases) {
  EXPECT_TRUE(IsValidDate("2026-02-06"));
  EXPECT_TRUE(IsValidDate("2000-02-29"));
  EXPECT_FALSE(IsValidDate("1900-02-29"));
  EXPECT_FALSE(IsValidDate("2026-13-01"));
  EXPECT_FALSE(IsValidDate("2026-00-10"));
  EXPECT_FALSE(IsValidDate("2026-04-31"));
  EXPECT_FALSE(IsValidDate("2026-04-00"));
  EXPECT_FALSE(IsValidDate("2026-04-1"));
  EXPECT_FALSE(IsValidDate("2026/04/10"));
  EXPECT_FALSE(IsValidDate("2026-04-10T00:00"));
  EXPECT_FALSE(IsValidDate(""));
}

TEST_F(DocumentReaderTest, JsonLinesFileWithBomAndNoFinalNewline) {
  std::string path = Write("news.ndjson",
                           "\xEF\xBB\xBF{\"id\":\"x\",\"text\":\"Hello.\"}\n\n"
                           "{\"id\":\"y\",\"text\":\"Bye.\"}");
  Collected c;
  EXPECT_TRUE(Read({path}, &c).ok());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(c.problems.empty()) << ::testing::PrintToString(c.Problems());
}

TEST_F(DocumentReaderTest, DirectoryOfMixedFiles) {
  Write("b/two.txt", "Second file.\n");
  Write("a.txt",
        "\xEF\xBB\xBF"
        "First file.");
  Write("c/feed.jsonl",
        "{\"id\":\"j1\",\"text\":\"From JSON.\"}\nnot json\n"
        "{\"id\":\"j2\",\"text\":\"Again.\"}\n");
  Write(".hidden.txt", "Hidden.");
  Write(".git/config", "Hidden too.");
  Write("d/binary.txt", std::string("abc\0def", 7));
  Write("d/latin1.txt", "caf\xe9 au lait");
  Write("d/empty.txt", " \n ");
  Collected c;
  ReadOptions options;
  options.default_date = "2026-01-02";
  Status s = Read({dir_.string()}, &c, options);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"a.txt", "b/two.txt", "j1", "j2"}));
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].text, "First file.");  // BOM removed
  EXPECT_EQ(c.docs[0].date, "2026-01-02");
  EXPECT_EQ(c.docs[1].text, "Second file.\n");
  std::string d = dir_.string();
  EXPECT_EQ(c.Problems(),
            (std::vector<std::string>{
                d + "/c/feed.jsonl:2: invalid JSON: " + c.problems[0].message.substr(14),
                d + "/d/binary.txt: byte 3: binary file (NUL byte); skipped",
                d + "/d/empty.txt: empty file; skipped",
                d + "/d/latin1.txt: byte 3: invalid UTF-8; skipped",
            }));
}

TEST_F(DocumentReaderTest, PlainFileDateFromModificationTime) {
  std::string path = Write("old.txt", "Old news.");
  struct timeval times[2] = {{1577966400, 0}, {1577966400, 0}};  // 2020-01-02 12:00 UTC
  ASSERT_EQ(utimes(path.c_str(), times), 0);
  Collected c;
  EXPECT_TRUE(Read({path}, &c).ok());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "old.txt");
  EXPECT_EQ(c.docs[0].date, "2020-01-02");
}

TEST_F(DocumentReaderTest, PlainFileOverTheLimit) {
  std::string big = Write("big.txt", std::string(5000, 'a'));
  std::string small = Write("small.txt", "fine");
  Collected c;
  ReadOptions options;
  options.max_document_bytes = 1000;
  EXPECT_TRUE(Read({big, small}, &c, options).ok());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"small.txt"}));
  EXPECT_EQ(c.Problems(),
            (std::vector<std::string>{
                big + ": file of 5000 bytes is over the limit of 1000 bytes; skipped"}));
}

TEST_F(DocumentReaderTest, MissingInputs) {
  std::string good = Write("good.txt", "Good.");
  std::string missing = (dir_ / "nope.txt").string();
  Collected c;
  Status s = Read({missing, good}, &c);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"good.txt"}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].ToString(), missing + ": no such file or directory");

  Collected none;
  s = Read({missing}, &none);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_THAT(s.message(), HasSubstr("nope.txt"));

  EXPECT_EQ(Read({}, &none).code(), Status::Code::kInvalidArgument);
}

TEST_F(DocumentReaderTest, UnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  std::string path = Write("locked.txt", "secret");
  fs::permissions(path, fs::perms::none);
  Collected c;
  Status s = Read({path}, &c);
  EXPECT_FALSE(s.ok());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_THAT(c.problems[0].ToString(), StartsWith(path + ": cannot open: "));
}

TEST_F(DocumentReaderTest, HugeJsonLineIsSkippedWithBoundedMemory) {
  // A 3 MB line with a 1 MB limit: skipped, and the next line still arrives.
  std::string path = Write("huge.jsonl", "{\"text\":\"" + std::string(3 << 20, 'z') +
                                             "\"}\n{\"id\":\"after\",\"text\":\"ok\"}\n");
  Collected c;
  ReadOptions options;
  options.max_document_bytes = 1 << 20;
  EXPECT_TRUE(Read({path}, &c, options).ok());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"after"}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].ToString(),
            path + ":1: line of 3145739 bytes is over the limit of 1114112 bytes; skipped");
}

TEST_F(DocumentReaderTest, StdinJsonLinesAndPlainText) {
  // stdin is redirected to files; the sniffing decides the format from the first byte.
  std::string jsonl = Write("in1", "\n  {\"id\":\"s1\",\"text\":\"From stdin.\"}\n{bad\n");
  ASSERT_NE(std::freopen(jsonl.c_str(), "rb", stdin), nullptr);
  Collected c;
  EXPECT_TRUE(Read({"-"}, &c).ok());
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"s1"}));
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_THAT(c.problems[0].ToString(), StartsWith("<stdin>:3: invalid JSON: "));

  std::string plain = Write("in2", "Plain text on stdin.");
  ASSERT_NE(std::freopen(plain.c_str(), "rb", stdin), nullptr);
  Collected p;
  EXPECT_TRUE(Read({"-"}, &p).ok());
  ASSERT_EQ(p.docs.size(), 1u);
  EXPECT_EQ(p.docs[0].id, "stdin");
  EXPECT_EQ(p.docs[0].text, "Plain text on stdin.");
  EXPECT_EQ(p.docs[0].date, "");
  EXPECT_TRUE(p.problems.empty());
}

TEST_F(DocumentReaderTest, NamedPipeIsSniffed) {
  std::string fifo = (dir_ / "pipe").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    FILE* w = std::fopen(fifo.c_str(), "wb");
    std::fputs("{\"id\":\"p1\",\"text\":\"Through a pipe.\"}\n", w);
    std::fclose(w);
    std::_Exit(0);
  }
  Collected c;
  EXPECT_TRUE(Read({fifo}, &c).ok());
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_EQ(c.Ids(), (std::vector<std::string>{"p1"}));
  EXPECT_TRUE(c.problems.empty()) << ::testing::PrintToString(c.Problems());
}

TEST(InputProblemTest, ToString) {
  InputProblem p;
  p.file = "f.txt";
  p.message = "msg";
  EXPECT_EQ(p.ToString(), "f.txt: msg");
  p.has_byte_offset = true;
  p.byte_offset = 0;
  EXPECT_EQ(p.ToString(), "f.txt: byte 0: msg");
  p.line = 7;
  EXPECT_EQ(p.ToString(), "f.txt:7: msg");
}

}  // namespace
}  // namespace annal::io
