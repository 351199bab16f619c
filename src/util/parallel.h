// An ordered parallel map: items computed on worker threads, consumed in order
// on the calling thread, so output is the same whatever the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace claimgraph::util {

/// The number of worker threads for `requested` (0: one per core), never more than `items`.
inline std::size_t worker_count(std::size_t requested, std::size_t items) {
    std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(requested == 0 ? cores : requested, std::max<std::size_t>(items, 1)));
}

/// Calls `compute(i)` for every i in [0, count) on `jobs` threads (0: one per
/// core) and `consume(i, result)` on the calling thread in index order, as soon
/// as each result and all before it are ready. `compute` must be thread-safe and
/// must not throw; results wait in memory until consumed. If `consume` throws,
/// the workers stop and the exception propagates. With one job everything runs
/// on the calling thread.
template <typename Compute, typename Consume>
void ordered_parallel_for(std::size_t count, std::size_t jobs, Compute compute, Consume consume) {
    using Value = decltype(compute(std::size_t{0}));
    std::size_t workers = worker_count(jobs, count);
    if (workers == 1) {
        for (std::size_t i = 0; i < count; ++i) {
            Value value = compute(i);
            consume(i, value);
        }
        return;
    }
    std::vector<std::optional<Value>> results(count);
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::condition_variable ready;
    std::vector<std::thread> threads;
    threads.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w) {
        threads.emplace_back([&] {
            for (std::size_t i = next++; i < count; i = next++) {
                Value value = compute(i);
                std::lock_guard lock(mutex);
                results[i].emplace(std::move(value));
                ready.notify_one();
            }
        });
    }
    auto join = [&] {
        for (std::thread& thread : threads) thread.join();
    };
    try {
        for (std::size_t i = 0; i < count; ++i) {
            std::optional<Value> value;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return results[i].has_value(); });
                value = std::move(results[i]);
                results[i].reset();
            }
            consume(i, *value);
        }
    } catch (...) {
        next = count;  // workers stop after their current item
        join();
        throw;
    }
    join();
}

}  // namespace claimgraph::util
