// Tests of the ordered parallel map: every item once, consumed in order, on any number of threads.
#include "util/parallel.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace claimgraph::util {

TEST_CASE("ordered_parallel_for") {
    for (std::size_t jobs : {1, 2, 4, 16}) {
        CAPTURE(jobs);
        std::vector<std::size_t> order;
        std::vector<std::string> values;
        ordered_parallel_for(
            100, jobs, [](std::size_t i) { return std::to_string(i * i); },
            [&](std::size_t i, std::string& value) {
                order.push_back(i);
                values.push_back(value);
            });
        REQUIRE(order.size() == 100);
        for (std::size_t i = 0; i < order.size(); ++i) {
            CHECK(order[i] == i);
            CHECK(values[i] == std::to_string(i * i));
        }
    }
    SUBCASE("nothing to do") {
        int calls = 0;
        ordered_parallel_for(0, 4, [](std::size_t i) { return i; }, [&](std::size_t, std::size_t&) { ++calls; });
        CHECK(calls == 0);
    }
    SUBCASE("an exception from consume stops the workers and reaches the caller") {
        std::size_t consumed = 0;
        CHECK_THROWS_AS(ordered_parallel_for(
                            1000, 4, [](std::size_t i) { return i; },
                            [&](std::size_t i, std::size_t&) {
                                ++consumed;
                                if (i == 10) throw std::runtime_error("stop");
                            }),
                        std::runtime_error);
        CHECK(consumed == 11);
    }
    CHECK(worker_count(0, 1) == 1);
    CHECK(worker_count(8, 3) == 3);
    CHECK(worker_count(2, 100) == 2);
}

}  // namespace claimgraph::util
