#pragma once
// Pointing at a PyPI upload: the command in a `run:` or the action's `uses:`.

#include <optional>
#include <string>

#include "model/publishing.hpp"

namespace pysec {

// The first upload to PyPI among the steps, if any.
std::optional<PublishSite> first_pypi_publish(const std::vector<WorkflowStep>& steps);

Location publish_location(const Document& document, const PublishSite& site, std::string message = {});

}  // namespace pysec
