ssgSearchData("l/title","694");
