#include "model/publishing.hpp"

#include <algorithm>
#include <array>

#include "shell/invocation.hpp"

namespace pysec {
namespace {

constexpr std::array release_actions = {"softprops/action-gh-release", "ncipollo/release-action",
                                        "actions/create-release",      "goreleaser/goreleaser-action",
                                        "marvinpinto/action-automatic-releases", "svenstaro/upload-release-action"};

// `twine upload`, `uv publish`, `hatch publish`, ...: the subcommand that uploads.
std::string pypi_upload_tool(const shell::Invocation& invocation) {
    const shell::Word* subcommand = shell::first_operand(invocation);
    std::string_view verb = subcommand ? std::string_view(subcommand->text) : std::string_view{};
    const std::string& program = invocation.program;
    if (program == "twine" && verb == "upload") return "twine upload";
    if ((program == "uv" || program == "hatch" || program == "pdm" || program == "poetry" || program == "flit") &&
        verb == "publish") {
        return program + " publish";
    }
    if (program == "maturin" && (verb == "publish" || verb == "upload")) return "maturin " + std::string(verb);
    return {};
}

bool is_gh_release(const shell::Invocation& invocation) {
    const shell::Word* subcommand = shell::first_operand(invocation);
    if (invocation.program != "gh" || !subcommand || subcommand->text != "release") return false;
    return std::any_of(invocation.arguments.begin(), invocation.arguments.end(), [](const shell::Word* word) {
        return word->text == "create" || word->text == "upload";
    });
}

}  // namespace

bool is_pypi_publish_action(const WorkflowStep& step) { return step.action_slug() == "pypa/gh-action-pypi-publish"; }

std::vector<PublishSite> publish_sites(const std::vector<WorkflowStep>& steps) {
    std::vector<PublishSite> sites;
    for (const WorkflowStep& step : steps) {
        std::string slug = step.action_slug();
        if (slug == "pypa/gh-action-pypi-publish") {
            sites.push_back(PublishSite{PublishSite::Target::PyPI, &step, nullptr, slug});
        } else if (std::find(release_actions.begin(), release_actions.end(), slug) != release_actions.end()) {
            sites.push_back(PublishSite{PublishSite::Target::Release, &step, nullptr, slug});
        }
        for (const shell::Command& command : step.commands) {
            shell::Invocation invocation = shell::invocation_of(command);
            if (std::string tool = pypi_upload_tool(invocation); !tool.empty()) {
                sites.push_back(PublishSite{PublishSite::Target::PyPI, &step, &command, tool});
            } else if (is_gh_release(invocation)) {
                sites.push_back(PublishSite{PublishSite::Target::Release, &step, &command, "gh release"});
            }
        }
    }
    return sites;
}

bool publishes_to_pypi(const std::vector<WorkflowStep>& steps) {
    auto sites = publish_sites(steps);
    return std::any_of(sites.begin(), sites.end(),
                       [](const PublishSite& site) { return site.target == PublishSite::Target::PyPI; });
}

bool publishes_anything(const std::vector<WorkflowStep>& steps) { return !publish_sites(steps).empty(); }

}  // namespace pysec
