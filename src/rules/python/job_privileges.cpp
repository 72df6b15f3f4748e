#include "rules/python/job_privileges.hpp"

#include "model/publishing.hpp"
#include "rules/python/step_environment.hpp"

namespace pysec {

JobPrivileges JobPrivilegeCache::of(const StepSite& site) {
    if (!site.job) return {};
    auto [it, inserted] = jobs_.try_emplace(site.job);
    if (inserted) {
        it->second.publishes = publishes_anything(site.job->steps);
        it->second.secrets = job_uses_secrets(site.document, *site.job);
    }
    return it->second;
}

}  // namespace pysec
