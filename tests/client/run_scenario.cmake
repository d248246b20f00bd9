# Runs create_token against fake_konnect in one scenario, then checks how it ended, what it printed and which files
# it left. Lists are given with | between their items.
#
#   -DFAKE_KONNECT=path   fake_konnect
#   -DPROGRAM=path        create_token
#   -DWORK=folder         emptied first; create_token runs in WORK/files, where it must leave no file but the token's
#   -DSCENARIO=list       fake_konnect's arguments before "--" (e.g. serve|201|body.json|<user id>, refuse)
#   -DBODY=path           the body fake_konnect answers with (optional): its konnect_token must be printed nowhere
#   -DARGUMENTS=list      create_token's arguments; @BASE_URL@ becomes the fake's address (fake_konnect does that),
#                         @TOKEN_FILE@ becomes WORK/files/token
#   -DKONNECT_TOKEN=set   set (a fake credential, which must be printed nowhere) or unset
#   -DTOKEN_FILE=how      none: WORK/files stays empty; written: it holds only `token`, mode 0600, exactly BODY's
#                         konnect_token; kept: `token` is there before the run, and after it unchanged and alone
#   -DEXIT_CODE=n         the exit status expected (fake_konnect's is create_token's when it found nothing wrong)
#   -DEXPECT_STDOUT=regex, -DEXPECT_STDERR=regex   must match what the run printed there (optional each)

cmake_minimum_required(VERSION 3.19) # string(JSON), and today's rules for @ and quoted arguments

if(NOT TOKEN_FILE MATCHES "^(none|written|kept)$")
  message(FATAL_ERROR "the test is wrong: TOKEN_FILE is \"${TOKEN_FILE}\", not none, written or kept")
endif()

set(files ${WORK}/files)
set(token_file ${files}/token)
set(earlier_token "an earlier token, which must survive")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${files})
if(TOKEN_FILE STREQUAL "kept")
  file(WRITE ${token_file} "${earlier_token}")
endif()

# A fake Konnect access token for the Authorization header: fake_konnect compares the header with it.
set(credential "kpat_FakeCallerCredential0123456789abcdefghijklmnopqrstu")
if(KONNECT_TOKEN STREQUAL "set")
  set(ENV{KONNECT_TOKEN} "${credential}")
else()
  unset(ENV{KONNECT_TOKEN})
endif()

string(REPLACE "|" ";" scenario "${SCENARIO}")
string(REPLACE "@TOKEN_FILE@" "${token_file}" arguments "${ARGUMENTS}")
string(REPLACE "|" ";" arguments "${arguments}")
execute_process(
  COMMAND "${FAKE_KONNECT}" ${scenario} -- "${PROGRAM}" ${arguments}
  WORKING_DIRECTORY ${files}
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE stdout
  ERROR_VARIABLE stderr)
message("---- standard output\n${stdout}---- standard error\n${stderr}----")

set(failures "")
if(NOT "${exit_code}" STREQUAL "${EXIT_CODE}")
  string(APPEND failures "\n  it exited with ${exit_code}, expected ${EXIT_CODE}")
endif()
if(NOT EXPECT_STDOUT STREQUAL "" AND NOT stdout MATCHES "${EXPECT_STDOUT}")
  string(APPEND failures "\n  the standard output does not match: ${EXPECT_STDOUT}")
endif()
if(NOT EXPECT_STDERR STREQUAL "" AND NOT stderr MATCHES "${EXPECT_STDERR}")
  string(APPEND failures "\n  the standard error does not match: ${EXPECT_STDERR}")
endif()

# No secret in the output: neither the credential nor the token Kong handed out.
set(output "${stdout}${stderr}")
string(FIND "${output}" "${credential}" at)
if(NOT at EQUAL -1)
  string(APPEND failures "\n  the output shows KONNECT_TOKEN's value")
endif()
set(token "")
if(BODY)
  file(READ ${BODY} body)
  string(JSON token ERROR_VARIABLE not_json GET "${body}" konnect_token)
  if(not_json)
    set(token "")
  endif()
endif()
if(NOT token STREQUAL "")
  string(FIND "${output}" "${token}" at)
  if(NOT at EQUAL -1)
    string(APPEND failures "\n  the output shows the created token")
  endif()
endif()

# The files left: the token's file where one is expected, and nothing else.
file(GLOB left LIST_DIRECTORIES true RELATIVE ${files} ${files}/* ${files}/.*)
string(REPLACE ";" ", " left_text "${left}")
if(TOKEN_FILE STREQUAL "none")
  if(left)
    string(APPEND failures "\n  files were left behind: ${left_text}")
  endif()
elseif(NOT left STREQUAL "token")
  string(APPEND failures "\n  the files left are ${left_text}; expected just the token file")
elseif(TOKEN_FILE STREQUAL "kept")
  file(READ ${token_file} held)
  if(NOT held STREQUAL earlier_token)
    string(APPEND failures "\n  the existing token file was changed")
  endif()
elseif(TOKEN_FILE STREQUAL "written")
  file(READ ${token_file} held)
  if(token STREQUAL "")
    string(APPEND failures "\n  the test is wrong: BODY has no konnect_token to compare the token file with")
  elseif(NOT held STREQUAL token)
    string(APPEND failures "\n  the token file does not hold exactly the token")
  endif()
  execute_process(COMMAND stat -c %a ${token_file} OUTPUT_VARIABLE mode OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT mode STREQUAL "600")
    string(APPEND failures "\n  the token file has mode ${mode}, not 600")
  endif()
endif()

if(failures)
  message(FATAL_ERROR "create_token did not behave as expected:${failures}")
endif()
