/**
 * Small lists of given and family names per naming tradition, romanised where the tradition uses
 * another script. Enough for demo data to look like a real international round; not a claim about
 * any country's naming.
 */
export type NameRegion =
  | 'anglophone'
  | 'irish'
  | 'south-asian'
  | 'west-african'
  | 'east-african'
  | 'southern-african'
  | 'filipino'
  | 'malay'
  | 'indonesian'
  | 'chinese'
  | 'japanese'
  | 'korean'
  | 'thai'
  | 'vietnamese'
  | 'german'
  | 'dutch'
  | 'nordic'
  | 'french'
  | 'spanish'
  | 'portuguese'
  | 'italian'
  | 'slavic'
  | 'greek'
  | 'turkish'
  | 'arabic'
  | 'hebrew'
  | 'persian'
  | 'pacific'
  | 'caribbean';

const split = (names: string) => names.split(',').map((name) => name.trim());

export const NAME_LISTS: Record<NameRegion, { given: string[]; family: string[] }> = {
  anglophone: {
    given: split(
      'Olivia, Jack, Charlotte, Liam, Emily, Noah, Grace, Oliver, Chloe, James, Zoë, Ethan, Sophie, Lucas',
    ),
    family: split(
      'Smith, Jones, Williams, Brown, Wilson, Taylor, Nguyen, Martin, Anderson, Thompson, Walker, Clarke',
    ),
  },
  irish: {
    given: split('Aoife, Seán, Niamh, Cian, Saoirse, Oisín, Siobhán, Pádraig, Róisín, Eoin'),
    family: split('Murphy, Kelly, O’Sullivan, Walsh, O’Brien, Byrne, Ryan, O’Connor, Doyle, McCarthy'),
  },
  'south-asian': {
    given: split(
      'Priya, Arjun, Ananya, Rahul, Kavya, Vikram, Lakshmi, Sanjay, Farah, Imran, Nadia, Anil, Deepa, Ravi',
    ),
    family: split(
      'Sharma, Patel, Iyer, Reddy, Nair, Gupta, Khan, Ahmed, Perera, Fernando, Das, Chowdhury, Rao',
    ),
  },
  'west-african': {
    given: split(
      'Chinedu, Ngozi, Oluwaseun, Amaka, Kwame, Abena, Emeka, Funmilayo, Kofi, Adwoa, Tunde, Ifeoma',
    ),
    family: split('Okafor, Adeyemi, Mensah, Okonkwo, Boateng, Adebayo, Eze, Owusu, Nwosu, Asante, Balogun'),
  },
  'east-african': {
    given: split(
      'Wanjiru, Otieno, Achieng, Kamau, Nyambura, Mwangi, Amani, Baraka, Zawadi, Musa, Grace, Joseph',
    ),
    family: split('Kamau, Odhiambo, Wanjala, Mutua, Njoroge, Okello, Nakato, Mollel, Kiprono, Ssempala'),
  },
  'southern-african': {
    given: split('Thandiwe, Sipho, Naledi, Lwazi, Ayanda, Tendai, Nomsa, Kagiso, Precious, Tatenda'),
    family: split('Nkosi, Dlamini, Mokoena, Naidoo, van der Merwe, Moyo, Ndlovu, Botha, Khumalo, Sibanda'),
  },
  filipino: {
    given: split('Maria, Jose, Kristine, Mark, Angelica, John Paul, Rowena, Ramon, Liza, Carlo'),
    family: split('Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Villanueva, Dela Cruz, Ramos, Aquino'),
  },
  malay: {
    given: split('Nurul, Ahmad, Siti, Muhammad, Aisyah, Hafiz, Farah, Amirul, Wei Ling, Kavitha'),
    family: split('Abdullah, Ismail, Rahman, Hassan, Ibrahim, Tan, Lim, Wong, Ramasamy, Osman'),
  },
  indonesian: {
    given: split('Dewi, Budi, Sri, Agus, Putri, Rizky, Ayu, Hendra, Intan, Wahyu'),
    family: split('Santoso, Wijaya, Susanto, Pratama, Hidayat, Saputra, Kusuma, Nugroho, Lestari, Rahayu'),
  },
  chinese: {
    given: split('Wei, Fang, Jing, Lei, Xiaoming, Yan, Hui, Min, Jun, Ling, Yu-Ting, Chia-Hao'),
    family: split('Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Lin, Chan'),
  },
  japanese: {
    given: split('Yuki, Haruto, Sakura, Ren, Aoi, Sōta, Yui, Kenji, Emi, Takumi'),
    family: split('Satō, Suzuki, Takahashi, Tanaka, Watanabe, Itō, Yamamoto, Nakamura, Kobayashi, Katō'),
  },
  korean: {
    given: split('Ji-woo, Min-jun, Seo-yeon, Do-yun, Ha-eun, Ji-ho, Su-bin, Hyun-woo, Ye-jin, Jae-won'),
    family: split('Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim'),
  },
  thai: {
    given: split('Somchai, Malee, Nattapong, Siriporn, Kittisak, Pornthip, Anan, Ratana, Wichai, Kanya'),
    family: split('Srisai, Chaiyaporn, Wongsawat, Rattanakorn, Boonmee, Suksawat, Thongchai, Phromma'),
  },
  vietnamese: {
    given: split('Linh, Minh, Huong, Duc, Thao, Tuan, Lan, Hieu, Mai, Quang'),
    family: split('Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng'),
  },
  german: {
    given: split('Anna, Lukas, Lena, Jonas, Sophie, Felix, Marie, Jürgen, Katrin, Matthias, Jana, Stefan'),
    family: split(
      'Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Schäfer, Huber',
    ),
  },
  dutch: {
    given: split('Sanne, Daan, Femke, Bram, Lotte, Thijs, Anouk, Joris, Eline, Pieter, Lieke, Wouter'),
    family: split('de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Peeters, Janssens, Maes'),
  },
  nordic: {
    given: split('Ingrid, Lars, Astrid, Søren, Freja, Mikael, Sigrid, Anders, Aino, Mikko, Elin, Björn'),
    family: split(
      'Hansen, Johansson, Nielsen, Andersson, Larsen, Virtanen, Korhonen, Berg, Lindqvist, Sørensen',
    ),
  },
  french: {
    given: split('Camille, Louis, Chloé, Hugo, Léa, Mathieu, Élodie, Antoine, Amélie, François, Inès, Théo'),
    family: split(
      'Martin, Bernard, Dubois, Thomas, Robert, Petit, Durand, Lefèvre, Moreau, Girard, Tremblay',
    ),
  },
  spanish: {
    given: split(
      'María, José, Lucía, Javier, Carmen, Alejandro, Sofía, Diego, Valentina, Andrés, Camila, Pablo',
    ),
    family: split(
      'García, Rodríguez, Martínez, López, González, Hernández, Pérez, Sánchez, Ramírez, Torres, Flores',
    ),
  },
  portuguese: {
    given: split(
      'Ana, João, Beatriz, Pedro, Mariana, Lucas, Juliana, Rafael, Fernanda, Tiago, Gabriela, Luís',
    ),
    family: split('Silva, Santos, Oliveira, Souza, Pereira, Costa, Ferreira, Almeida, Carvalho, Gonçalves'),
  },
  italian: {
    given: split('Giulia, Marco, Francesca, Luca, Chiara, Matteo, Sara, Alessandro, Elena, Davide'),
    family: split('Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco'),
  },
  slavic: {
    given: split(
      'Anna, Piotr, Katarzyna, Łukasz, Olena, Dmytro, Jelena, Marko, Ivana, Tomasz, Maria, Andrei',
    ),
    family: split(
      'Nowak, Kowalski, Wiśniewska, Shevchenko, Kovalenko, Popescu, Horvat, Jovanović, Novák, Ionescu',
    ),
  },
  greek: {
    given: split('Eleni, Giorgos, Maria, Nikos, Katerina, Dimitris, Sofia, Kostas, Anna, Yannis'),
    family: split('Papadopoulos, Pappas, Nikolaidis, Georgiou, Oikonomou, Vasileiou, Dimitriou, Ioannou'),
  },
  turkish: {
    given: split('Elif, Mehmet, Zeynep, Mustafa, Ayşe, Emre, Fatma, Burak, Selin, Can'),
    family: split('Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Aydın, Öztürk, Arslan, Doğan'),
  },
  arabic: {
    given: split('Fatima, Ahmed, Mariam, Omar, Layla, Youssef, Nour, Khaled, Huda, Hassan, Rania, Tarek'),
    family: split('Hassan, Ali, Mahmoud, Ibrahim, Abdelrahman, Al-Masri, Haddad, Saleh, Nasser, Khalil'),
  },
  hebrew: {
    given: split('Noa, David, Tamar, Yosef, Maya, Eitan, Shira, Ariel, Yael, Daniel'),
    family: split('Cohen, Levi, Mizrahi, Peretz, Biton, Friedman, Shapiro, Katz, Avraham, Golan'),
  },
  persian: {
    given: split('Maryam, Reza, Sara, Ali, Zahra, Mohammad, Fatemeh, Hossein, Leila, Amir'),
    family: split('Hosseini, Ahmadi, Mohammadi, Rezaei, Moradi, Karimi, Jafari, Rahimi, Sadeghi, Kazemi'),
  },
  pacific: {
    given: split('Mere, Sione, Losana, Tevita, Ana, Viliami, Litia, Semisi, Aroha, Wiremu'),
    family: split('Naidu, Tuilagi, Vunipola, Ratu, Fifita, Tupou, Ngata, Tane, Prasad, Kumar'),
  },
  caribbean: {
    given: split('Keisha, Andre, Shanice, Marlon, Tamara, Dwayne, Natalie, Kevin, Simone, Ricardo'),
    family: split('Campbell, Brown, Williams, Clarke, Ramdial, Persad, Francis, Thomas, Joseph, Singh'),
  },
};
