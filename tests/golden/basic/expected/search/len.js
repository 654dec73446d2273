ssgSearchData("len",[[4,9,6],[2,3,2],[7,17,9]]);
