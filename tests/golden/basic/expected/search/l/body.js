ssgSearchData("l/body","9H7");
