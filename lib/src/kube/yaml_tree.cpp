// kubectl's YAML as a kube_detail::Node tree, through libyaml's event
// parser (Debian's libyaml-dev, YAML 1.1): the tree is built as events
// arrive, so a document that breaks in the middle keeps every object that
// was complete before the damage. Plain `null`, `~` and empty scalars are
// null; anchors and aliases (kubectl writes none) read as null; tags are
// ignored. Depth-limited, no throw.
#include <yaml.h>

#include <cstdint>
#include <string>

#include "kube/kube_tree.hpp"

namespace logcorr::kube_detail {

namespace {

constexpr size_t kMaxDepth = 200;

struct Frame {
  Node* node;
  bool want_key = true;  // maps: the next scalar is a key
  std::string key;
  bool stream_items = false;  // the root's `items` sequence, with an ItemFn
};

class YamlParser {
 public:
  YamlParser() { ok_ = yaml_parser_initialize(&p_) == 1; }
  ~YamlParser() {
    if (ok_) yaml_parser_delete(&p_);
  }
  YamlParser(const YamlParser&) = delete;
  YamlParser& operator=(const YamlParser&) = delete;

  void run(std::string_view text, std::vector<Node>& docs, ParseError& err, const ItemFn* on_item) {
    if (!ok_) {
      err.failed = true;
      err.message = "the YAML parser could not start (out of memory)";
      return;
    }
    yaml_parser_set_input_string(&p_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    std::vector<Frame> stack;
    bool root_pending = false;
    for (;;) {
      yaml_event_t ev;
      if (!yaml_parser_parse(&p_, &ev)) {
        err.failed = true;
        err.line = p_.problem_mark.line + 1;
        err.message = std::string("not YAML: ") + (p_.problem ? p_.problem : "parse error");
        if (p_.context) err.message += std::string(" ") + p_.context;
        if (p_.problem_mark.index >= text.size()) err.message += " (cut off?)";
        return;
      }
      uint64_t line = ev.start_mark.line + 1;
      yaml_event_type_t type = ev.type;
      Node fresh;
      fresh.line = line;
      bool is_node = false, opens = false;
      switch (type) {
        case YAML_DOCUMENT_START_EVENT:
          docs.emplace_back();
          docs.back().line = line;
          root_pending = true;
          stack.clear();
          break;
        case YAML_SCALAR_EVENT: {
          std::string_view v(reinterpret_cast<const char*>(ev.data.scalar.value),
                             ev.data.scalar.length);
          bool plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
          if (plain && (v.empty() || v == "null" || v == "~" || v == "Null" || v == "NULL")) {
            fresh.type = Node::Type::kNull;
          } else {
            fresh.type = Node::Type::kScalar;
            fresh.scalar.assign(v);
          }
          fresh.complete = true;
          is_node = true;
          break;
        }
        case YAML_ALIAS_EVENT:
          fresh.complete = true;
          is_node = true;
          break;
        case YAML_MAPPING_START_EVENT:
          fresh.type = Node::Type::kMap;
          is_node = opens = true;
          break;
        case YAML_SEQUENCE_START_EVENT:
          fresh.type = Node::Type::kSeq;
          is_node = opens = true;
          break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          if (!stack.empty()) {
            stack.back().node->complete = true;
            stack.pop_back();
            if (!stack.empty() && stack.back().stream_items && !stack.back().node->seq.empty()) {
              (*on_item)(stack.back().node->seq.back());
              stack.back().node->seq.pop_back();
            }
          }
          break;
        default:
          break;
      }
      yaml_event_delete(&ev);
      if (type == YAML_STREAM_END_EVENT) return;
      if (!is_node) continue;
      Node* placed = nullptr;
      bool items = false;  // placed as the root map's `items`
      if (root_pending && stack.empty()) {
        docs.back() = std::move(fresh);
        placed = &docs.back();
        root_pending = false;
      } else if (!stack.empty()) {
        Frame& f = stack.back();
        if (f.node->type == Node::Type::kMap) {
          if (f.want_key) {
            f.key = fresh.type == Node::Type::kScalar ? fresh.scalar : std::string();
            f.want_key = false;
            if (opens) {  // a complex key: kubectl writes none; read it as null
              f.node->map.push_back(Member{std::string(), std::move(fresh)});
              placed = &f.node->map.back().value;
            }
          } else {
            items = stack.size() == 1 && f.key == "items";
            f.node->map.push_back(Member{std::move(f.key), std::move(fresh)});
            f.want_key = true;
            placed = &f.node->map.back().value;
          }
        } else {
          f.node->seq.push_back(std::move(fresh));
          placed = &f.node->seq.back();
        }
      }
      if (opens && placed) {
        if (stack.size() >= kMaxDepth) {
          err.failed = true;
          err.line = line;
          err.message = "YAML nested too deep";
          return;
        }
        bool stream = items && on_item && placed->type == Node::Type::kSeq;
        stack.push_back(Frame{placed, true, {}, stream});
      }
    }
  }

 private:
  yaml_parser_t p_{};
  bool ok_ = false;
};

}  // namespace

void parse_yaml_stream(std::string_view text, std::vector<Node>& docs, ParseError& err,
                       const ItemFn* on_item) {
  YamlParser p;
  p.run(text, docs, err, on_item);
}

}  // namespace logcorr::kube_detail
