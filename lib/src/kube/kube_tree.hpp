// A small document tree for kubectl's JSON and YAML output: maps, sequences
// and scalars with the line each started on. Both parsers build it as they
// read, so a document cut off (or broken) in the middle still has every
// object that was complete before the damage (Node::complete).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logcorr::kube_detail {

struct Member;

struct Node {
  enum class Type : uint8_t { kNull, kScalar, kMap, kSeq };
  Type type = Type::kNull;
  bool complete = false;    // its end was read
  uint64_t line = 0;        // 1-based line of its first character
  std::string scalar;       // kScalar: the text (JSON strings unescaped, numbers as written)
  std::vector<Member> map;  // kMap: members in document order
  std::vector<Node> seq;

  const Node* get(std::string_view key) const;
  // The scalar under a dotted path ("involvedObject.name"), "" when absent.
  std::string_view str(std::string_view path) const;
  const Node* at(std::string_view path) const;
};

struct Member {
  std::string key;
  Node value;
};

inline const Node* Node::get(std::string_view key) const {
  if (type != Type::kMap) return nullptr;
  for (const Member& m : map)
    if (m.key == key) return &m.value;
  return nullptr;
}

// Where a parse stopped and why.
struct ParseError {
  bool failed = false;
  uint64_t line = 0;
  std::string message;
};

// Called with each complete item of a top-level `items` sequence (a List's
// pods or events) as soon as it is read; the item is then dropped from the
// tree, so a big List never lives in memory as a whole tree.
using ItemFn = std::function<void(const Node&)>;

// Parses `text` as JSON values one after another (kubectl get -w -o json
// prints one object after another). Every top-level value goes to `docs`,
// the last possibly incomplete when `err.failed`; with `on_item`, the items
// of a top-level List go there instead (an incomplete last one stays in the
// tree). Depth-limited, no throw.
void parse_json_stream(std::string_view text, std::vector<Node>& docs, ParseError& err,
                       const ItemFn* on_item = nullptr);

// Parses `text` as YAML documents (libyaml), same contract.
void parse_yaml_stream(std::string_view text, std::vector<Node>& docs, ParseError& err,
                       const ItemFn* on_item = nullptr);

}  // namespace logcorr::kube_detail
