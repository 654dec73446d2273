ssgSearchData("index",{"format":1,"build":"06e9463597a6","fields":["title","tags","body"],"boosts":[10,5,1],"languages":["en","ru"],"docs":3,"lengths":[19,7,33],"shards":[""],"chunk":4});
