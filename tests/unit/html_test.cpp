// HTML report: SHA-256 for the CSP, escaping, lanes and density, and the
// page's safety properties on hostile log text. The browser side is tested
// end to end by tests/e2e/html_*.sh.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "logcorr/report.hpp"
#include "logcorr/report_html.hpp"
#include "logcorr/time.hpp"
#include "report/report_html_internal.hpp"

namespace logcorr {
namespace {

constexpr int64_t kT0 = 1'780'000'000LL * kNanosPerSecond;

TEST(HtmlSha256, KnownVectors) {
  // FIPS 180-4 examples, including the two-block padding case (56 bytes).
  EXPECT_EQ(html::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(html::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(html::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(html::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(html::sha256_base64("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

TEST(HtmlEscape, AllSpecials) {
  EXPECT_EQ(html::escape_html(R"(<a href="x" title='y'>&</a>)"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

Evidence ev(std::string input, uint64_t line, std::string text, int64_t t, EventKind k) {
  Evidence e;
  e.input = std::move(input);
  e.line = line;
  e.text = std::move(text);
  e.time_ns = t;
  e.kind = k;
  return e;
}

InputSummary input(std::string path, std::string role, std::string host, int32_t broker) {
  InputSummary in;
  in.input = std::move(path);
  in.role = role_from_name(role).value();
  in.host = std::move(host);
  in.broker = broker;
  in.first_ns = kT0;
  in.last_ns = kT0 + 3600 * kNanosPerSecond;
  in.layout = Layout::kLog4j;
  in.zone = "UTC";
  in.zone_source = ZoneSource::kExplicit;
  return in;
}

// A hand-made report: two brokers, clients of two applications, one burst
// caused by an OOM kill, log text full of markup.
AnalysisReport hostile_report(int clients_per_app) {
  const std::string evil =
      R"(<script>alert(1)</script> "><img src=x onerror=alert(1)> </script><!-- &amp;)";
  AnalysisReport r;
  r.inputs.push_back(input("b/broker-1/server.log", "server", "broker-1", 1));
  r.inputs.push_back(input("b/broker-2/journal.txt", "journal", "broker-2", 2));
  for (int a = 0; a < 2; ++a)
    for (int i = 0; i < clients_per_app; ++i)
      r.inputs.push_back(input("b/clients/app" + std::to_string(a) + "-" + std::to_string(i) +
                                   (a ? ".<img src=x>.log" : ".log"),
                               "client", "", -1));
  r.symptom_clients = {"", "producer-1"};
  for (int k = 0; k < 5000; ++k) {
    SymptomMark m;
    m.time_ns = kT0 + 600 * kNanosPerSecond + k * 3 * kNanosPerMilli;
    m.input = 2 + static_cast<uint32_t>(k % (2 * clients_per_app));
    m.client = k % 2;
    m.broker = 2;
    r.symptom_marks.push_back(m);
  }
  r.symptoms = r.symptom_marks.size();
  Burst b;
  b.start_ns = kT0 + 600 * kNanosPerSecond;
  b.end_ns = b.start_ns + 15 * kNanosPerSecond;
  b.count = 5000;
  b.clients = {"producer-1"};
  b.brokers = {2};
  b.verdict = Verdict::kOomKill;
  b.confidence = 0.9;
  Cause c;
  c.kind = EventKind::kOomKill;
  c.host = "broker-2";
  c.broker = 2;
  c.time_ns = c.start_ns = b.start_ns - kNanosPerSecond;
  c.end_ns = c.start_ns + 20 * kNanosPerSecond;
  c.duration_ns = 20 * kNanosPerSecond;
  c.summary = "broker 2 killed " + evil;
  c.evidence.push_back(ev("b/broker-2/journal.txt", 7,
                          "Out of memory: Killed process 1 (java) " + evil, c.time_ns,
                          EventKind::kOomKill));
  b.causes.push_back(c);
  b.evidence.push_back(ev("b/clients/app0-0.log", 3, "NetworkException " + evil, b.start_ns,
                          EventKind::kNetworkException));
  b.advice = {"advice " + evil};
  r.bursts.push_back(b);
  r.notes = {"note " + evil};
  return r;
}

TEST(HtmlPicture, LanesPerBrokerAndClient) {
  AnalysisReport r = hostile_report(2);
  html::Picture p = html::build_picture(r, HtmlOptions{});
  ASSERT_EQ(p.lanes.size(), 2u + 4u);
  EXPECT_EQ(p.lanes[0].label, "broker 1");
  EXPECT_EQ(p.lanes[1].label, "broker 2");
  EXPECT_EQ(p.lanes[1].symptoms, 5000u);  // the errors naming broker 2
  EXPECT_EQ(p.lanes[0].symptoms, 0u);
  uint64_t client_total = 0;
  for (size_t i = 2; i < p.lanes.size(); ++i) {
    EXPECT_EQ(p.lanes[i].type, html::Lane::Type::kClient);
    client_total += p.lanes[i].symptoms;
  }
  EXPECT_EQ(client_total, 5000u);
  // The cause sits on broker 2's lane; the burst touches every client lane.
  ASSERT_EQ(p.cause_lanes.size(), 1u);
  EXPECT_EQ(p.cause_lanes[0], std::vector<uint32_t>{1});
  EXPECT_EQ(p.burst_lanes[0].size(), 4u);
  // First view: the burst and its cause, with context.
  EXPECT_LT(p.view0_ms, (kT0 + 599 * kNanosPerSecond) / kNanosPerMilli);
  EXPECT_GT(p.view1_ms, (kT0 + 619 * kNanosPerSecond) / kNanosPerMilli);
}

TEST(HtmlPicture, ManyClientsAreGroupedAndDensityIsBounded) {
  AnalysisReport r = hostile_report(20);  // 40 client inputs of 2 applications
  HtmlOptions o;
  o.max_density_bins = 500;
  html::Picture p = html::build_picture(r, o);
  std::vector<std::string> labels;
  for (const auto& l : p.lanes)
    if (l.type == html::Lane::Type::kClient) labels.push_back(l.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"app0* (20 inputs)", "app1* (20 inputs)"}));
  for (const auto& l : p.lanes) {
    EXPECT_LE(l.density.size(), 501u);
    uint64_t n = 0;
    for (const auto& [bin, c] : l.density) n += c;
    EXPECT_EQ(n, l.symptoms);
  }
  // More groups than lanes allowed: the quietest share one lane.
  o.max_client_lanes = 1;
  p = html::build_picture(r, o);
  size_t clients = 0;
  for (const auto& l : p.lanes) clients += l.type == html::Lane::Type::kClient;
  EXPECT_LE(clients, 2u);
}

TEST(HtmlPage, HostileTextNeverBecomesMarkup) {
  std::string page = render_html(hostile_report(2));
  // Exactly the page's own three <script> elements and no <img>: every
  // piece of log text is inside JSON with < > & escaped.
  size_t scripts = 0;
  for (size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1))
    ++scripts;
  EXPECT_EQ(scripts, 3u);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<!--"), std::string::npos);
  EXPECT_EQ(page.find("alert(1)</script>"), std::string::npos);
  EXPECT_NE(page.find(R"(\u003cscript\u003ealert(1)\u003c/script\u003e)"), std::string::npos);
  // The embedded findings are render_json's, byte for byte.
  std::string json = render_json(hostile_report(2));
  json.pop_back();  // its newline
  EXPECT_NE(
      page.find("<script type=\"application/json\" id=\"logcorr-report\">" + json + "</script>"),
      std::string::npos);
}

TEST(HtmlPage, CspAllowsExactlyTheInlineStyleAndScript) {
  std::string page = render_html(AnalysisReport{});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      page, m,
      std::regex(
          R"(content="default-src 'none'; script-src 'sha256-([A-Za-z0-9+/=]+)'; style-src 'sha256-([A-Za-z0-9+/=]+)';)")));
  EXPECT_EQ(m[1].str(), html::sha256_base64(html::script()));
  EXPECT_EQ(m[2].str(), html::sha256_base64(html::style()));
  // The hashed text is exactly what sits between the tags.
  EXPECT_NE(page.find("<script>" + std::string(html::script()) + "</script>"), std::string::npos);
  EXPECT_NE(page.find("<style>" + std::string(html::style()) + "</style>"), std::string::npos);
  EXPECT_EQ(page.find("unsafe-inline"), std::string::npos);
  // No URL but the SVG namespace name (an identifier, never fetched).
  std::string rest = std::regex_replace(page, std::regex("'http://www.w3.org/2000/svg'"), "");
  EXPECT_EQ(rest.find("http://"), std::string::npos);
  EXPECT_EQ(rest.find("https://"), std::string::npos);
  EXPECT_EQ(rest.find("//www."), std::string::npos);
  EXPECT_EQ(page.find("innerHTML"), std::string::npos);  // the script builds with textContent
}

TEST(HtmlPage, TitleIsEscaped) {
  HtmlOptions o;
  o.title = "incident <b>4711</b>";
  std::string page = render_html(AnalysisReport{}, o);
  EXPECT_NE(page.find("<title>incident &lt;b&gt;4711&lt;/b&gt;</title>"), std::string::npos);
}

TEST(HtmlPage, TemplateSlotsAreExactlyTheOnesFilledIn) {
  // render_html leaves a {{name}} it does not know as it is: page.html must
  // use only these, and each of them.
  const std::string page(html::page_template());
  std::set<std::string> slots;
  const std::regex slot(R"(\{\{([^}]*)\}\})");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), slot); it != std::sregex_iterator();
       ++it)
    slots.insert((*it)[1].str());
  EXPECT_EQ(slots, (std::set<std::string>{"picture_json", "report_json", "script", "script_sha256",
                                          "style", "style_sha256", "title", "version"}));
  // A title that looks like a slot is text: what goes into a slot is not
  // scanned again.
  HtmlOptions o;
  o.title = "{{script}}";
  EXPECT_NE(render_html(AnalysisReport{}, o).find("<title>{{script}}</title>"), std::string::npos);
}

}  // namespace
}  // namespace logcorr
