// `claimgraph_fake`: the claimgraph command line with testing::FakeExtractor in
// place of the parser, for the reliability tests (kills, concurrency, bad input)
// of the real `ingest` command while the extractor is not built, and for runs
// that must not depend on the parser's speed.
//   CLAIMGRAPH_FAKE_DELAY_MS  milliseconds of "parsing" per document (default 0)
#include "cli/commands.h"
#include "reliability/fake_extractor.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace claimgraph;
    const char* delay_text = std::getenv("CLAIMGRAPH_FAKE_DELAY_MS");
    const std::chrono::milliseconds delay(delay_text ? std::atoi(delay_text) : 0);
    std::vector<std::string> args(argv + 1, argv + argc);
    return cli::run_with_extractor(args, std::cout, std::cerr, [delay](const extract::ExtractorOptions& options) {
        return Result<std::unique_ptr<extract::Extractor>>(std::make_unique<testing::FakeExtractor>(options, delay));
    });
}
