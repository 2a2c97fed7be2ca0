// read_kube: dispatch by document kind (kube.hpp).
#include "logcorr/kube.hpp"

#include "kube/kube_common.hpp"
#include "kube/kube_readers.hpp"

namespace logcorr {

std::string_view kube_doc_name(KubeDoc doc) {
  switch (doc) {
    case KubeDoc::kNone:
      return "none";
    case KubeDoc::kDescribe:
      return "describe";
    case KubeDoc::kEventsTable:
      return "events-table";
    case KubeDoc::kJson:
      return "json";
    case KubeDoc::kYaml:
      return "yaml";
  }
  return "none";
}

KubeDoc kube_doc_for(Layout layout) {
  switch (layout) {
    case Layout::kKubeDescribe:
      return KubeDoc::kDescribe;
    case Layout::kKubeEventsTable:
      return KubeDoc::kEventsTable;
    case Layout::kKubeJson:
      return KubeDoc::kJson;
    case Layout::kKubeYaml:
      return KubeDoc::kYaml;
    default:
      return KubeDoc::kNone;
  }
}

KubeDoc sniff_kube(std::string_view head) {
  return kube_doc_for(sniff_layout(head));
}

KubeReadStats read_kube(std::string_view text, KubeDoc doc, const KubeReadOptions& opts,
                        std::vector<Event>& out, DiagnosticSink& diag) {
  kube_detail::Ctx ctx(opts, diag, out);
  switch (doc) {
    case KubeDoc::kDescribe:
      kube_detail::read_describe(text, ctx);
      break;
    case KubeDoc::kEventsTable:
      kube_detail::read_events_table(text, ctx);
      break;
    case KubeDoc::kJson:
      kube_detail::read_objects(text, false, ctx);
      break;
    case KubeDoc::kYaml:
      kube_detail::read_objects(text, true, ctx);
      break;
    case KubeDoc::kNone:
      break;
  }
  return ctx.stats();
}

}  // namespace logcorr
