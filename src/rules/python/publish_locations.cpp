#include "rules/python/publish_locations.hpp"

namespace pysec {

std::optional<PublishSite> first_pypi_publish(const std::vector<WorkflowStep>& steps) {
    for (PublishSite& site : publish_sites(steps)) {
        if (site.target == PublishSite::Target::PyPI) return std::move(site);
    }
    return std::nullopt;
}

Location publish_location(const Document& document, const PublishSite& site, std::string message) {
    if (site.command) return run_location(document, *site.step, site.command->begin, site.command->end, std::move(message));
    const Node* node = site.step->uses ? site.step->uses : site.step->node;
    return document.location(*node, std::move(message));
}

}  // namespace pysec
