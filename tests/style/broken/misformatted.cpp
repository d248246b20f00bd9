// Deliberately misformatted: this file exists to prove that the layout gate fails.
// `clang-format --dry-run --Werror` with the repository's .clang-format must exit non-zero on it,
// so never run clang-format -i on it. It is not built.
int main(){int  answer=0;
  if(answer){return 1;}
      return answer ;}
