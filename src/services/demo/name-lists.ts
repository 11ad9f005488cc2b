/**
 * Given and family names by naming tradition, romanised where the tradition uses another script.
 * A synthetic person takes both names from one group, and each country lists the groups its
 * people draw from (country-mix.ts), so a Nigerian gets a Nigerian name and not a Ghanaian one,
 * and a Malaysian a Malay, Chinese or Tamil name but never half of each. Where family names take
 * a feminine form (Greek, Polish, Czech), `familyOfWomen` holds it, aligned with `family`.
 * Enough for demo data to look like a real international round; not a claim about any country's
 * naming.
 */
export type NameGroupId =
  | 'anglophone'
  | 'irish'
  | 'maori'
  | 'quebecois'
  | 'latin-american'
  | 'north-indian'
  | 'south-indian'
  | 'pakistani'
  | 'bangladeshi'
  | 'sri-lankan'
  | 'nepali'
  | 'nigerian'
  | 'ghanaian'
  | 'kenyan'
  | 'ugandan'
  | 'tanzanian'
  | 'south-african'
  | 'afrikaans'
  | 'zimbabwean'
  | 'filipino'
  | 'malay'
  | 'malaysian-chinese'
  | 'tamil'
  | 'indonesian'
  | 'chinese'
  | 'taiwanese'
  | 'japanese'
  | 'korean'
  | 'thai'
  | 'vietnamese'
  | 'german'
  | 'dutch'
  | 'flemish'
  | 'swedish'
  | 'norwegian'
  | 'danish'
  | 'finnish'
  | 'french'
  | 'spanish'
  | 'portuguese'
  | 'brazilian'
  | 'italian'
  | 'polish'
  | 'ukrainian'
  | 'croatian'
  | 'romanian'
  | 'greek'
  | 'turkish'
  | 'egyptian'
  | 'emirati'
  | 'lebanese'
  | 'hebrew'
  | 'persian'
  | 'fijian'
  | 'indo-fijian'
  | 'afro-caribbean'
  | 'indo-caribbean';

export interface NameGroup {
  women: readonly string[];
  men: readonly string[];
  family: readonly string[];
  /** The feminine form of each family name, where the tradition has one (same order as `family`). */
  familyOfWomen?: readonly string[];
}

const split = (names: string) => names.split(',').map((name) => name.trim());

const group = (women: string, men: string, family: string, familyOfWomen?: string): NameGroup => ({
  women: split(women),
  men: split(men),
  family: split(family),
  ...(familyOfWomen ? { familyOfWomen: split(familyOfWomen) } : {}),
});

export const NAME_GROUPS: Record<NameGroupId, NameGroup> = {
  anglophone: group(
    'Olivia, Charlotte, Emily, Grace, Chloe, Sophie, Hannah, Jessica, Rebecca, Emma',
    'Jack, Liam, Noah, Oliver, James, Ethan, Lucas, Thomas, Daniel, Matthew',
    'Smith, Jones, Williams, Brown, Wilson, Taylor, Martin, Anderson, Thompson, Walker, Clarke, White',
  ),
  irish: group(
    'Aoife, Niamh, Saoirse, Siobhán, Róisín, Ciara, Sinéad, Orla',
    'Seán, Cian, Oisín, Pádraig, Eoin, Conor, Darragh, Ciarán',
    'Murphy, Kelly, O’Sullivan, Walsh, O’Brien, Byrne, Ryan, O’Connor, Doyle, McCarthy',
  ),
  maori: group(
    'Aroha, Mere, Hine, Anahera, Kiri, Ngaio, Hana, Moana',
    'Wiremu, Tama, Rawiri, Hemi, Nikau, Tane, Manaia, Rangi',
    'Ngata, Parata, Tipene, Horomona, Paewai, Keepa, Te Whata, Wihongi, Ruatapu, Tamihana',
  ),
  quebecois: group(
    'Marie-Ève, Geneviève, Catherine, Isabelle, Julie, Mélanie, Annie, Sophie',
    'Jean-François, Mathieu, Olivier, Simon, Alexandre, Sébastien, Éric, Maxime',
    'Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné',
  ),
  'latin-american': group(
    'Valentina, Camila, Sofía, Daniela, Gabriela, Mariana, Paola, Lucía, Ximena, Carolina',
    'Diego, Andrés, Juan Pablo, Carlos, Luis, Santiago, Sebastián, Felipe, Jorge, Alejandro',
    'García, Rodríguez, Martínez, López, González, Hernández, Pérez, Ramírez, Torres, Flores, Rojas, Castillo',
  ),
  'north-indian': group(
    'Priya, Ananya, Neha, Pooja, Shreya, Aditi, Ritu, Sneha',
    'Rahul, Amit, Rohit, Vikram, Arjun, Sanjay, Manish, Ankit',
    'Sharma, Gupta, Verma, Agarwal, Singh, Mishra, Joshi, Saxena, Kapoor, Malhotra',
  ),
  'south-indian': group(
    'Lakshmi, Kavya, Divya, Deepa, Meera, Anjali, Revathi, Sowmya',
    'Karthik, Suresh, Arun, Ravi, Vijay, Srinivas, Ganesh, Harish',
    'Iyer, Reddy, Nair, Rao, Pillai, Krishnan, Menon, Subramanian, Naidu, Hegde',
  ),
  pakistani: group(
    'Ayesha, Fatima, Sana, Hina, Zainab, Sadia, Maryam, Amna',
    'Imran, Bilal, Usman, Ali, Hamza, Faisal, Kamran, Asad',
    'Khan, Ahmed, Hussain, Malik, Qureshi, Butt, Chaudhry, Raza, Siddiqui, Sheikh',
  ),
  bangladeshi: group(
    'Nusrat, Farhana, Sharmin, Tasnim, Mahmuda, Sumaiya, Rumana, Tahmina',
    'Tanvir, Arif, Rafiq, Sabbir, Mehedi, Rakib, Shahriar, Imtiaz',
    'Rahman, Hossain, Islam, Chowdhury, Ahmed, Sarkar, Uddin, Karim, Haque, Alam',
  ),
  'sri-lankan': group(
    'Chamari, Dilani, Sanduni, Ishara, Nadeesha, Thilini, Anusha, Kumari',
    'Nimal, Kasun, Ruwan, Tharindu, Chaminda, Lahiru, Pradeep, Dinesh',
    'Perera, Fernando, de Silva, Jayasinghe, Wickramasinghe, Bandara, Gunawardena, Dissanayake, Herath, Rajapaksa',
  ),
  nepali: group(
    'Sita, Anjali, Sunita, Manisha, Pooja, Sarita, Bimala, Srijana',
    'Ramesh, Bikash, Prakash, Suman, Rajendra, Dipesh, Sujan, Anil',
    'Shrestha, Sharma, Adhikari, Thapa, Gurung, Karki, Rai, Tamang, Poudel, Bhattarai',
  ),
  nigerian: group(
    'Ngozi, Amaka, Funmilayo, Ifeoma, Aisha, Chiamaka, Folake, Zainab, Adaeze, Bisola',
    'Chinedu, Oluwaseun, Emeka, Tunde, Yusuf, Babatunde, Ikechukwu, Segun, Ibrahim, Obinna',
    'Okafor, Adeyemi, Okonkwo, Adebayo, Eze, Nwosu, Balogun, Bello, Olawale, Afolabi, Okoro, Abubakar',
  ),
  ghanaian: group(
    'Abena, Adwoa, Akosua, Ama, Efua, Esi, Afia, Yaa',
    'Kwame, Kofi, Yaw, Kwabena, Kojo, Kwaku, Kwesi, Fiifi',
    'Mensah, Boateng, Owusu, Asante, Osei, Agyeman, Darko, Appiah, Ofori, Acheampong',
  ),
  kenyan: group(
    'Wanjiru, Achieng, Nyambura, Wairimu, Chebet, Njeri, Akinyi, Wambui',
    'Otieno, Kamau, Mwangi, Kiprono, Omondi, Kipchoge, Njoroge, Ochieng',
    'Odhiambo, Wanjala, Mutua, Njoroge, Kiprotich, Wekesa, Kariuki, Maina, Onyango, Cheruiyot',
  ),
  ugandan: group(
    'Nakato, Babirye, Sarah, Esther, Patience, Prossy, Nalwoga, Agnes',
    'Moses, Brian, Ivan, Godfrey, Denis, Isaac, Ronald, Emmanuel',
    'Okello, Ssempala, Namubiru, Mugisha, Kato, Nakitende, Tumusiime, Byaruhanga, Atim, Ouma',
  ),
  tanzanian: group(
    'Neema, Rehema, Zawadi, Upendo, Mwajuma, Halima, Subira, Asha',
    'Baraka, Juma, Amani, Hamisi, Said, Emmanuel, Frank, Godfrey',
    'Mollel, Mushi, Massawe, Kimaro, Swai, Mwakyusa, Lyimo, Temba, Mrema, Shayo',
  ),
  'south-african': group(
    'Thandiwe, Naledi, Ayanda, Nomsa, Lerato, Zanele, Palesa, Nokuthula',
    'Sipho, Lwazi, Kagiso, Thabo, Mandla, Sibusiso, Tshepo, Bongani',
    'Nkosi, Dlamini, Mokoena, Ndlovu, Khumalo, Mahlangu, Zulu, Molefe, Mthembu, Sithole',
  ),
  afrikaans: group(
    'Annelie, Marietjie, Elna, Liezl, Karin, Ilse',
    'Johan, Pieter, Francois, Hendrik, Willem, Gerhard',
    'van der Merwe, Botha, du Plessis, Pretorius, Nel, Venter, Coetzee, Joubert',
  ),
  zimbabwean: group(
    'Tendai, Rudo, Chipo, Nyasha, Rumbidzai, Tariro, Fadzai, Vimbai',
    'Tatenda, Farai, Tinashe, Takudzwa, Kudzai, Tafadzwa, Blessing, Tonderai',
    'Moyo, Ncube, Sibanda, Chikwanha, Mutasa, Dube, Chiweshe, Mapfumo, Gumbo, Makoni',
  ),
  filipino: group(
    'Maria, Kristine, Angelica, Rowena, Liza, Jasmine, Maricel, Joy',
    'Jose, Mark, John Paul, Ramon, Carlo, Jericho, Rodel, Ariel',
    'Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Villanueva, Dela Cruz, Ramos, Aquino',
  ),
  malay: group(
    'Nurul, Siti, Aisyah, Farah, Nur Izzati, Syafiqah, Aina, Hidayah',
    'Ahmad, Muhammad, Hafiz, Amirul, Faiz, Azlan, Khairul, Syafiq',
    'Abdullah, Ismail, Rahman, Hassan, Ibrahim, Osman, Yusof, Hamid, Aziz, Mohamad',
  ),
  'malaysian-chinese': group(
    'Wei Ling, Jia Hui, Mei Ling, Siew Mei, Li Ying, Pei Shan, Hui Min, Xin Yi',
    'Chee Keong, Kok Wai, Wai Kit, Jun Hao, Wei Jie, Zhi Hao, Kah Meng, Boon Huat',
    'Tan, Lim, Wong, Lee, Ng, Chong, Teoh, Ong, Goh, Chan',
  ),
  tamil: group(
    'Kavitha, Priya, Malathi, Devi, Shalini, Vani, Sangeetha, Thilaga',
    'Saravanan, Ganesh, Rajesh, Murugan, Kumar, Suresh, Prakash, Vignesh',
    'Ramasamy, Subramaniam, Krishnan, Rajan, Muniandy, Pillai, Arumugam, Nadarajah, Selvaraj, Govindasamy',
  ),
  indonesian: group(
    'Dewi, Sri, Putri, Ayu, Intan, Ratna, Fitri, Wulan',
    'Budi, Agus, Rizky, Hendra, Wahyu, Eko, Fajar, Dimas',
    'Santoso, Wijaya, Susanto, Pratama, Hidayat, Saputra, Kusuma, Nugroho, Lestari, Rahayu',
  ),
  chinese: group(
    'Fang, Jing, Yan, Hui, Ling, Xiaoyan, Mei, Xin',
    'Wei, Lei, Xiaoming, Jun, Hao, Tao, Yong, Peng',
    'Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou',
  ),
  taiwanese: group(
    'Yu-Ting, Shu-Fen, Hsiao-Wen, Yi-Chen, Mei-Ling, Ya-Ting, Pei-Shan, Hui-Chun',
    'Chia-Hao, Chih-Wei, Po-Han, Chun-Hung, Yu-Cheng, Wei-Lun, Kuan-Ting, Jung-Hsiang',
    'Chen, Lin, Huang, Chang, Lee, Wang, Wu, Liu, Tsai, Yang',
  ),
  japanese: group(
    'Yuki, Sakura, Aoi, Yui, Emi, Haruka, Nanami, Misaki',
    'Haruto, Ren, Sōta, Kenji, Takumi, Daiki, Hiroshi, Yūto',
    'Satō, Suzuki, Takahashi, Tanaka, Watanabe, Itō, Yamamoto, Nakamura, Kobayashi, Katō',
  ),
  korean: group(
    'Seo-yeon, Ha-eun, Su-bin, Ye-jin, Ji-woo, Min-seo, Eun-ji, Yu-na',
    'Min-jun, Do-yun, Ji-ho, Hyun-woo, Jae-won, Seung-hoon, Dong-hyun, Jun-seo',
    'Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim',
  ),
  thai: group(
    'Malee, Siriporn, Pornthip, Ratana, Kanya, Nattaya, Suda, Wanida',
    'Somchai, Nattapong, Kittisak, Anan, Wichai, Prasert, Somsak, Thanawat',
    'Srisai, Chaiyaporn, Wongsawat, Rattanakorn, Boonmee, Suksawat, Thongchai, Phromma',
  ),
  vietnamese: group(
    'Linh, Hương, Thảo, Lan, Mai, Trang, Ngọc, Hà',
    'Minh, Đức, Tuấn, Hiếu, Quang, Hùng, Nam, Phong',
    'Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng',
  ),
  german: group(
    'Anna, Lena, Sophie, Marie, Katrin, Jana, Sabine, Julia',
    'Lukas, Jonas, Felix, Jürgen, Matthias, Stefan, Tobias, Andreas',
    'Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Schäfer, Huber',
  ),
  dutch: group(
    'Sanne, Femke, Lotte, Anouk, Eline, Lieke, Marloes, Esther',
    'Daan, Bram, Thijs, Joris, Pieter, Wouter, Sander, Jeroen',
    'de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, Mulder',
  ),
  flemish: group(
    'Lotte, Elke, Lien, Sarah, Katrien, Annelies, Nele, Griet',
    'Thomas, Wout, Pieter, Jens, Bart, Koen, Stijn, Tom',
    'Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet',
  ),
  swedish: group(
    'Elin, Karin, Maja, Sara, Ingrid, Linnea, Emma, Ebba',
    'Erik, Johan, Anders, Oskar, Lars, Björn, Henrik, Magnus',
    'Johansson, Andersson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, Lindqvist',
  ),
  norwegian: group(
    'Ingrid, Kari, Silje, Marte, Ragnhild, Ingvild, Hanne, Solveig',
    'Lars, Ole, Henrik, Eirik, Jonas, Magnus, Sindre, Håkon',
    'Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Kristiansen, Berg, Haugen',
  ),
  danish: group(
    'Freja, Mette, Sofie, Ida, Camilla, Louise, Signe, Maja',
    'Søren, Mads, Rasmus, Mikkel, Jens, Frederik, Anders, Kasper',
    'Nielsen, Jensen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen, Rasmussen, Jørgensen',
  ),
  finnish: group(
    'Aino, Laura, Sanna, Elina, Kaisa, Johanna, Riikka, Tiina',
    'Mikko, Juha, Antti, Timo, Ville, Jukka, Pekka, Matti',
    'Virtanen, Korhonen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen, Järvinen',
  ),
  french: group(
    'Camille, Chloé, Léa, Élodie, Amélie, Inès, Claire, Manon',
    'Louis, Hugo, Mathieu, Antoine, François, Théo, Nicolas, Julien',
    'Martin, Bernard, Dubois, Thomas, Robert, Petit, Durand, Lefèvre, Moreau, Girard',
  ),
  spanish: group(
    'María, Lucía, Carmen, Laura, Marta, Elena, Paula, Cristina',
    'José, Javier, Alejandro, Pablo, Sergio, David, Jorge, Álvaro',
    'García, Rodríguez, Martínez, López, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz',
  ),
  portuguese: group(
    'Ana, Beatriz, Inês, Mariana, Catarina, Sofia, Joana, Rita',
    'João, Pedro, Tiago, Rui, Miguel, Duarte, Nuno, Ricardo',
    'Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes',
  ),
  brazilian: group(
    'Ana, Juliana, Fernanda, Gabriela, Camila, Larissa, Patrícia, Aline',
    'João, Lucas, Rafael, Thiago, Felipe, Gustavo, Bruno, Rodrigo',
    'Silva, Santos, Oliveira, Souza, Pereira, Costa, Ferreira, Almeida, Carvalho, Gonçalves, Lima, Ribeiro',
  ),
  italian: group(
    'Giulia, Francesca, Chiara, Sara, Elena, Valentina, Martina, Federica',
    'Marco, Luca, Matteo, Alessandro, Davide, Andrea, Giuseppe, Stefano',
    'Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco',
  ),
  polish: group(
    'Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Małgorzata, Ewa, Aleksandra',
    'Piotr, Łukasz, Tomasz, Michał, Paweł, Krzysztof, Marcin, Jakub',
    'Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Mazur, Woźniak',
    'Nowak, Kowalska, Wiśniewska, Wójcik, Kowalczyk, Kamińska, Lewandowska, Zielińska, Mazur, Woźniak',
  ),
  ukrainian: group(
    'Olena, Oksana, Iryna, Natalia, Yulia, Kateryna, Tetiana, Svitlana',
    'Dmytro, Andriy, Serhiy, Oleksandr, Taras, Mykola, Bohdan, Yurii',
    'Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boyko, Oliynyk, Lysenko, Marchenko',
  ),
  croatian: group(
    'Ivana, Ana, Petra, Maja, Marija, Lucija, Katarina, Martina',
    'Marko, Luka, Ivan, Tomislav, Josip, Mario, Ante, Nikola',
    'Horvat, Kovačević, Babić, Marić, Jurić, Novak, Knežević, Vuković, Marković, Perić',
  ),
  romanian: group(
    'Andreea, Ioana, Elena, Maria, Alina, Cristina, Raluca, Simona',
    'Andrei, Mihai, Alexandru, Cristian, Bogdan, Ionuț, Radu, Florin',
    'Popescu, Ionescu, Popa, Pop, Dumitru, Stan, Stoica, Gheorghe, Matei, Constantin',
  ),
  greek: group(
    'Eleni, Maria, Katerina, Sofia, Anna, Georgia, Despina, Vasiliki',
    'Giorgos, Nikos, Dimitris, Kostas, Yannis, Christos, Panagiotis, Vasilis',
    'Papadopoulos, Pappas, Nikolaidis, Georgiou, Oikonomou, Vasileiou, Dimitriou, Ioannou, Karagiannis, Alexiou',
    'Papadopoulou, Pappa, Nikolaidou, Georgiou, Oikonomou, Vasileiou, Dimitriou, Ioannou, Karagianni, Alexiou',
  ),
  turkish: group(
    'Elif, Zeynep, Ayşe, Fatma, Selin, Merve, Esra, Büşra',
    'Mehmet, Mustafa, Emre, Burak, Can, Ahmet, Murat, Hakan',
    'Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Aydın, Öztürk, Arslan, Doğan',
  ),
  egyptian: group(
    'Fatma, Nour, Mariam, Salma, Yasmin, Heba, Rana, Dina',
    'Mohamed, Ahmed, Mahmoud, Mostafa, Omar, Karim, Tarek, Amr',
    'Hassan, Mahmoud, Ibrahim, Abdelrahman, El-Sayed, Mostafa, Farouk, Soliman, Abdallah, Gamal',
  ),
  emirati: group(
    'Fatima, Mariam, Aisha, Shamma, Hessa, Noura, Maitha, Alia',
    'Mohammed, Khalid, Saeed, Rashid, Hamdan, Sultan, Ahmed, Obaid',
    'Al Mansoori, Al Nuaimi, Al Shamsi, Al Mazrouei, Al Ketbi, Al Hammadi, Al Dhaheri, Al Suwaidi',
  ),
  lebanese: group(
    'Nour, Rania, Maya, Lara, Rita, Carla, Hiba, Zeina',
    'Rami, Georges, Karim, Elie, Ziad, Fadi, Hadi, Nadim',
    'Haddad, Khoury, Saad, Haidar, Nassar, Khalil, Aoun, Abboud, Salameh, Karam',
  ),
  hebrew: group(
    'Noa, Tamar, Maya, Shira, Yael, Michal, Adi, Efrat',
    'David, Yosef, Eitan, Ariel, Daniel, Omer, Itai, Noam',
    'Cohen, Levi, Mizrahi, Peretz, Biton, Friedman, Shapiro, Katz, Avraham, Golan',
  ),
  persian: group(
    'Maryam, Sara, Zahra, Fatemeh, Leila, Narges, Shirin, Parisa',
    'Reza, Ali, Mohammad, Hossein, Amir, Mehdi, Saeed, Hamid',
    'Hosseini, Ahmadi, Mohammadi, Rezaei, Moradi, Karimi, Jafari, Rahimi, Sadeghi, Kazemi',
  ),
  fijian: group(
    'Mere, Litia, Losana, Vani, Ana, Unaisi, Salanieta, Akanisi',
    'Josefa, Jone, Epeli, Semi, Samisoni, Isoa, Viliame, Tomasi',
    'Naivalu, Tuivaga, Waqa, Nakarawa, Vakaloloma, Baravilala, Ravuvu, Tabua, Naqelevuki, Koroi',
  ),
  'indo-fijian': group(
    'Priya, Anjali, Shalini, Kavita, Sangeeta, Nisha, Reshma, Roshni',
    'Rajesh, Anil, Ravinesh, Vikash, Sanjay, Ashwin, Pranil, Rohit',
    'Prasad, Kumar, Naidu, Chand, Lal, Sharma, Singh, Narayan, Reddy, Ram',
  ),
  'afro-caribbean': group(
    'Keisha, Shanice, Tamara, Natalie, Simone, Kadian, Tashana, Monique',
    'Andre, Marlon, Dwayne, Kevin, Ricardo, Omar, Delroy, Jermaine',
    'Campbell, Brown, Williams, Clarke, Francis, Thomas, Reid, Grant, Morgan, Bailey',
  ),
  'indo-caribbean': group(
    'Anjali, Shivani, Kavita, Sunita, Vidya, Reshma, Savitri, Nadira',
    'Ravi, Rajesh, Vishnu, Kiran, Sunil, Anand, Krishna, Deonarine',
    'Ramdial, Persad, Singh, Maharaj, Ramkissoon, Mohammed, Seepersad, Rampersad, Boodoo, Ali',
  ),
};

/**
 * The name groups a country's people draw from, with relative weights: one group, or several for
 * a country where several traditions live side by side (Malaysia, Switzerland, Fiji, …).
 */
export type NameMix = ReadonlyArray<readonly [NameGroupId, number]>;

/** A person's name from one group: given and family names of the same tradition. */
export const composeName = (
  nameGroup: NameGroup,
  isWoman: boolean,
  givenIndex: number,
  familyIndex: number,
): string => {
  const given = (isWoman ? nameGroup.women : nameGroup.men)[givenIndex]!;
  const family = ((isWoman && nameGroup.familyOfWomen) || nameGroup.family)[familyIndex]!;
  return `${given} ${family}`;
};
