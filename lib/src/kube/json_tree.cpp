// kubectl's JSON as a kube_detail::Node tree, with line numbers.
//
// Not simdjson: the diagnostics must name the line where a document broke,
// and the objects complete before it must survive a cut-off document, which
// a validating DOM parser does not give. This reader is strict JSON (RFC
// 8259), depth-limited, and never throws.
#include <cstdint>
#include <string>

#include "kube/kube_tree.hpp"
#include "logcorr/json_text.hpp"

namespace logcorr::kube_detail {

namespace {

constexpr int kMaxDepth = 200;

class JsonParser {
 public:
  JsonParser(std::string_view s, ParseError& err, const ItemFn* on_item)
      : s_(s), err_(err), on_item_(on_item) {}

  void stream(std::vector<Node>& docs) {
    for (;;) {
      skip_ws();
      if (i_ >= s_.size()) return;
      docs.emplace_back();
      if (!value(docs.back(), 0)) return;
    }
  }

 private:
  bool fail(std::string msg) {
    if (!err_.failed) {
      err_.failed = true;
      err_.line = line_;
      err_.message = std::move(msg);
    }
    return false;
  }
  void skip_ws() {
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\n') {
        ++line_;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      ++i_;
    }
  }
  bool value(Node& n, int depth, bool stream_items = false) {
    if (depth > kMaxDepth) return fail("JSON nested too deep");
    skip_ws();
    if (i_ >= s_.size()) return fail("the JSON ends here, inside a value (cut off?)");
    n.line = line_;
    char c = s_[i_];
    if (c == '{') return object(n, depth);
    if (c == '[') return array(n, depth, stream_items);
    if (c == '"') {
      n.type = Node::Type::kScalar;
      if (!string(n.scalar)) return false;
      n.complete = true;
      return true;
    }
    if (s_.substr(i_, 4) == "null") {
      i_ += 4;
      n.type = Node::Type::kNull;
      n.complete = true;
      return true;
    }
    for (std::string_view w : {std::string_view("true"), std::string_view("false")})
      if (s_.substr(i_, w.size()) == w) {
        i_ += w.size();
        n.type = Node::Type::kScalar;
        n.scalar = w;
        n.complete = true;
        return true;
      }
    size_t b = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    size_t digits = i_;
    while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.' || s_[i_] == 'e' ||
                              s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
      ++i_;
    if (i_ == digits || !(s_[digits] >= '0' && s_[digits] <= '9'))
      return fail("not JSON: unexpected character");
    n.type = Node::Type::kScalar;
    n.scalar.assign(s_.substr(b, i_ - b));
    n.complete = true;
    return true;
  }
  bool object(Node& n, int depth) {
    n.type = Node::Type::kMap;
    ++i_;
    skip_ws();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      n.complete = true;
      return true;
    }
    for (;;) {
      skip_ws();
      if (i_ >= s_.size()) return fail("the JSON ends here, inside an object (cut off?)");
      if (s_[i_] != '"') return fail("not JSON: expected a member name");
      std::string key;
      if (!string(key)) return false;
      skip_ws();
      if (i_ >= s_.size()) return fail("the JSON ends here, inside an object (cut off?)");
      if (s_[i_] != ':') return fail("not JSON: expected ':'");
      ++i_;
      bool stream = depth == 0 && on_item_ && key == "items";
      n.map.push_back(Member{std::move(key), Node{}});
      if (!value(n.map.back().value, depth + 1, stream)) return false;
      skip_ws();
      if (i_ >= s_.size()) return fail("the JSON ends here, inside an object (cut off?)");
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == '}') {
        ++i_;
        n.complete = true;
        return true;
      }
      return fail("not JSON: expected ',' or '}'");
    }
  }
  bool array(Node& n, int depth, bool stream_items) {
    n.type = Node::Type::kSeq;
    ++i_;
    skip_ws();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      n.complete = true;
      return true;
    }
    for (;;) {
      n.seq.emplace_back();
      if (!value(n.seq.back(), depth + 1)) return false;
      if (stream_items) {
        (*on_item_)(n.seq.back());
        n.seq.pop_back();
      }
      skip_ws();
      if (i_ >= s_.size()) return fail("the JSON ends here, inside an array (cut off?)");
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] == ']') {
        ++i_;
        n.complete = true;
        return true;
      }
      return fail("not JSON: expected ',' or ']'");
    }
  }
  bool hex4(uint32_t& v) {
    if (i_ + 4 > s_.size()) return fail("the JSON ends here, inside a string (cut off?)");
    if (!json_hex4(s_, i_, v)) return fail("not JSON: bad \\u escape");
    i_ += 4;
    return true;
  }
  bool string(std::string& out) {
    ++i_;  // the opening quote
    for (;;) {
      size_t b = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\' && s_[i_] != '\n') ++i_;
      out.append(s_.substr(b, i_ - b));
      if (i_ >= s_.size()) return fail("the JSON ends here, inside a string (cut off?)");
      char c = s_[i_];
      if (c == '\n') return fail("not JSON: a line break inside a string");
      ++i_;
      if (c == '"') return true;
      if (i_ >= s_.size()) return fail("the JSON ends here, inside a string (cut off?)");
      char e = s_[i_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          uint32_t cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            uint32_t lo;
            if (!hex4(lo)) return false;
            if (lo >= 0xDC00 && lo < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              cp = 0xFFFD;
            }
          } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;
          }
          append_utf8(out, cp);
          break;
        }
        default:
          return fail("not JSON: bad escape in a string");
      }
    }
  }

  std::string_view s_;
  ParseError& err_;
  const ItemFn* on_item_;
  size_t i_ = 0;
  uint64_t line_ = 1;
};

}  // namespace

const Node* Node::at(std::string_view path) const {
  const Node* n = this;
  while (n && !path.empty()) {
    size_t dot = path.find('.');
    n = n->get(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  }
  return n;
}

std::string_view Node::str(std::string_view path) const {
  const Node* n = at(path);
  return n && n->type == Type::kScalar ? std::string_view(n->scalar) : std::string_view{};
}

void parse_json_stream(std::string_view text, std::vector<Node>& docs, ParseError& err,
                       const ItemFn* on_item) {
  JsonParser p(text, err, on_item);
  p.stream(docs);
}

}  // namespace logcorr::kube_detail
