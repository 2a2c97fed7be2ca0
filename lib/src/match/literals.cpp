// Literal derivation for the prefilter: a deliberately simple reading of the
// regex. It only trusts runs of plain characters at nesting depth 0 in a
// regex with no top-level alternation, so whatever it returns is really
// required; when it cannot tell, the pack author gives `literals`.
#include <string>

#include "logcorr/patterns.hpp"

namespace logcorr {
namespace {

bool is_meta(char c) {
  switch (c) {
    case '.':
    case '^':
    case '$':
    case '*':
    case '+':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '|':
    case '\\':
      return true;
    default:
      return false;
  }
}

bool is_quantifier(char c) {
  return c == '*' || c == '+' || c == '?' || c == '{';
}

}  // namespace

std::vector<std::string> derive_literals(std::string_view re) {
  // A top-level '|' means no single run is required.
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[')
      in_class = true;
    else if (c == '(')
      ++depth;
    else if (c == ')')
      --depth;
    else if (c == '|' && depth == 0)
      return {};
  }
  if (re.find("(?i") != std::string_view::npos) return {};  // case-folded: not a literal

  std::string best, cur;
  auto flush = [&] {
    if (cur.size() > best.size()) best = cur;
    cur.clear();
  };
  depth = 0;
  in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (in_class) {
      if (c == '\\')
        ++i;
      else if (c == ']')
        in_class = false;
      continue;
    }
    std::string piece;  // the literal character(s) this step contributes
    bool literal = false;
    if (c == '\\' && i + 1 < re.size()) {
      char n = re[i + 1];
      ++i;
      // \. \( \[ ... escape a meta character; \d \s \w \b are classes.
      if (is_meta(n) || n == '-' || n == '/' || n == ':' || n == '#' || n == '\'' || n == '"' ||
          n == ' ' || n == '=' || n == '%' || n == ',' || n == '<' || n == '>') {
        piece.assign(1, n);
        literal = true;
      }
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (!is_meta(c)) {
      piece.assign(1, c);
      literal = true;
    }
    if (!literal || depth != 0) {
      flush();
      continue;
    }
    // A quantified character is not required (? * {0,}) or not contiguous.
    if (i + 1 < re.size() && is_quantifier(re[i + 1])) {
      if (re[i + 1] == '+') {  // one is required, then the run breaks
        cur += piece;
      }
      flush();
      continue;
    }
    cur += piece;
  }
  flush();
  if (best.size() < 3) return {};
  return {best};
}

}  // namespace logcorr
