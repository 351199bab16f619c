// The claimgraph executable: everything lives in the library.
#include <claimgraph/cli.h>

int main(int argc, char** argv) { return claimgraph::cli::run(argc, argv); }
