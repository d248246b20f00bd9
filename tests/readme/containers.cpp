// The README's "Containers": states, times and UUIDs as keys, ordered and hashed alike with ==.
#include <konnect/personal_access_token_create_response.hpp>

#include <iostream>
#include <map>
#include <unordered_set>
#include <vector>

void count_states(const std::vector<konnect::State>& states) {
    std::map<konnect::State, int> count;  // unknown states stay apart: < agrees with ==, which compares the text
    for (const konnect::State& state : states)
        ++count[state];
    for (const auto& [state, times] : count)
        std::cout << state << ": " << times << '\n';

    // Equal values hash alike: std::hash<State>, std::hash<Timestamp> and std::hash<Uuid> agree with ==.
    const std::unordered_set<konnect::State> distinct(states.begin(), states.end());
    std::cout << distinct.size() << " distinct states\n";
}

int main() {
    count_states({konnect::State::from_string("ACTIVE"), konnect::State::from_string("PENDING"),
                  konnect::State::from_string("SUSPENDED"), konnect::State::from_string("ACTIVE")});
}
