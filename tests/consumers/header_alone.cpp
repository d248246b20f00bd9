// Nothing before the header: it includes everything it needs.
#include <konnect/personal_access_token_create_response.hpp>
